import { encodeAuthMessage } from '@dmc/shared/protocol/messages';

/**
 * Websockets that prove who they are with their first message, so tokens never appear in URLs
 * (and so never in proxy access logs). Every y-websocket provider in the client gets its socket
 * class from here through the provider's `WebSocketPolyfill` option.
 */

type SocketClass = typeof WebSocket;

/**
 * A WebSocket class whose first message is `encodeAuthMessage(token())`, read when the socket
 * opens, so a reconnect uses the newest (renewed) token. The listener is added in the
 * constructor, before the provider assigns `onopen`, so it runs first; `send` also sends it
 * first should anything write before that.
 */
export function authenticatedSocket(token: () => string, Base: SocketClass = WebSocket): SocketClass {
  return class AuthenticatedSocket extends Base {
    private authSent = false;

    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      this.addEventListener('open', () => this.authenticate());
    }

    override send(...args: Parameters<WebSocket['send']>): void {
      this.authenticate();
      super.send(...args);
    }

    private authenticate(): void {
      if (this.authSent) return;
      this.authSent = true;
      super.send(encodeAuthMessage(token()));
    }
  };
}

/** The provider options that authenticate a connection with the newest token. */
export function authOptions(token: () => string, Base?: SocketClass): { WebSocketPolyfill: SocketClass } {
  return { WebSocketPolyfill: authenticatedSocket(token, Base) };
}
