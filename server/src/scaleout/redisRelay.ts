import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { DocumentRelay } from '../collab/collab';
import { errorCode } from '../persistence/storageErrors';

/**
 * The fan-out between server processes, over Redis pub/sub. Per document one channel carries
 * what a process accepted (after storing it) and its connections' presence; one channel per
 * deployment carries workshop events (a record changed, someone was removed, a workshop deleted)
 * so every process re-reads the record and re-checks access. Redis holds nothing durable: after
 * a reconnect (a Redis restart) each process reads its loaded documents from PostgreSQL again.
 */

/** A workshop event another process announced. */
export type WorkshopEvent =
  | { readonly type: 'changed'; readonly workshopId: string }
  | { readonly type: 'removed'; readonly workshopId: string; readonly participantId: string }
  | { readonly type: 'deleted'; readonly workshopId: string };

const KIND_BYTE = { update: 0, awareness: 1 } as const;
const KINDS = ['update', 'awareness'] as const;

/** How to reach Redis. */
export interface RedisRelayOptions {
  readonly url: string;
  /** Prefix of every channel and key (several deployments, or tests, on one Redis). */
  readonly prefix?: string;
}

/** Redis pub/sub for documents and workshop events, one publishing and one subscribing connection. */
export class RedisRelay implements DocumentRelay {
  /** Publishes and serves the rate limits; exposed for rate-limiter-flexible's Redis store. */
  readonly client: Redis;
  private readonly subscriber: Redis;
  /** This process's id: it receives its own messages back and skips them. */
  private readonly self = randomBytes(8);
  private readonly documents = new Map<string, (kind: 'update' | 'awareness', payload: Uint8Array) => void>();
  private workshopListener: (event: WorkshopEvent) => void = () => {};
  private gapListener: () => Promise<void> = async () => {};
  private wasReady = false;
  private publishedOnce = false;
  private lost = false;
  readonly prefix: string;
  /** host:port, for messages (never the password). */
  private readonly where: string;

  constructor(options: RedisRelayOptions) {
    this.prefix = options.prefix ?? 'dmc:';
    const url = new URL(options.url);
    this.where = `${url.hostname}:${url.port || 6379}`;
    const common = {
      // Never give up: a Redis restart is waited out (commands queue meanwhile).
      retryStrategy: (times: number) => Math.min(50 * times, 1000),
      maxRetriesPerRequest: null,
      lazyConnect: true,
    };
    this.client = new Redis(options.url, { ...common, connectionName: 'dmc-publish' });
    this.subscriber = new Redis(options.url, { ...common, connectionName: 'dmc-subscribe' });
    for (const [name, connection] of [
      ['publish', this.client],
      ['subscribe', this.subscriber],
    ] as const) {
      connection.on('error', (error: unknown) => {
        if (!this.lost) console.error(`[relay] Redis (${name}) unreachable: ${errorCode(error)}`);
        this.lost = true;
      });
    }
    this.subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) => this.receive(channel, message));
    this.subscriber.on('ready', () => {
      if (!this.wasReady) {
        this.wasReady = true;
        return;
      }
      // Reconnected (ioredis subscribed every channel again before 'ready'): what was published
      // meanwhile is lost for this process; read it from the store. The PING's answer comes after
      // the subscriptions were made, so nothing falls between them and the read.
      console.warn('[relay] Redis is back; reading every loaded document from the store again');
      this.lost = false;
      void this.subscriber
        .ping()
        .then(() => this.gapListener())
        .catch((error: unknown) => console.error('[relay] catching up after a reconnect failed:', error));
    });
    this.client.on('ready', () => {
      // What this process published while its connection was down was dropped (see publish):
      // every other process reads its loaded documents from the store again.
      if (this.publishedOnce) void this.client.publish(this.resyncChannel, this.self).catch(() => {});
      this.publishedOnce = true;
    });
  }

  /** Connects both connections and subscribes to workshop events. */
  async connect(): Promise<void> {
    try {
      await Promise.all([this.client.connect(), this.subscriber.connect()]);
      await this.subscriber.subscribe(this.workshopsChannel, this.resyncChannel);
    } catch (error) {
      this.client.disconnect();
      this.subscriber.disconnect();
      throw new Error(`cannot use Redis at ${this.where} (${errorCode(error)})`, { cause: error });
    }
  }

  /** Called with every workshop event from another process. */
  onWorkshopEvent(listener: (event: WorkshopEvent) => void): void {
    this.workshopListener = listener;
  }

  /** Called after a reconnect, when messages may have been missed. */
  onGap(listener: () => Promise<void>): void {
    this.gapListener = listener;
  }

  async subscribe(name: string, receive: (kind: 'update' | 'awareness', payload: Uint8Array) => void): Promise<void> {
    this.documents.set(name, receive);
    await this.subscriber.subscribe(this.channel(name));
  }

  unsubscribe(name: string): void {
    this.documents.delete(name);
    // Failing only with the connection; a message that still arrives for it finds no room and is skipped.
    this.subscriber.unsubscribe(this.channel(name)).catch(() => {});
  }

  publish(name: string, kind: 'update' | 'awareness', payload: Uint8Array): void {
    // While Redis is away nothing is queued (memory would grow with every edit): the update is
    // stored, and once the connection is back every process reads the store again.
    if (this.client.status !== 'ready') return;
    const message = Buffer.concat([Buffer.from([KIND_BYTE[kind]]), this.self, payload]);
    this.client.publish(this.channel(name), message).catch((error: unknown) => {
      if (!this.lost) console.error(`[relay] publishing to ${name} failed: ${errorCode(error)}`);
    });
  }

  /**
   * Tells every other process about a workshop change. Resolves once Redis took it; while Redis is
   * away it is dropped at once (the others read every record again when it is back).
   */
  async publishWorkshopEvent(event: WorkshopEvent): Promise<void> {
    if (this.client.status !== 'ready') return;
    const message = Buffer.concat([this.self, Buffer.from(JSON.stringify(event))]);
    await this.client.publish(this.workshopsChannel, message);
  }

  /** Throws when Redis does not answer (for /readyz). */
  async check(): Promise<void> {
    if (this.client.status !== 'ready' || this.subscriber.status !== 'ready')
      throw new Error(`Redis is ${this.client.status}/${this.subscriber.status}`);
    await this.client.ping();
  }

  /** Ends both connections. */
  async close(): Promise<void> {
    this.documents.clear();
    await Promise.allSettled([this.client.quit(), this.subscriber.quit()]);
    this.client.disconnect();
    this.subscriber.disconnect();
  }

  private get workshopsChannel(): string {
    return `${this.prefix}workshops`;
  }

  private get resyncChannel(): string {
    return `${this.prefix}resync`;
  }

  private channel(name: string): string {
    return `${this.prefix}doc:${name}`;
  }

  private receive(channelBytes: Buffer, message: Buffer): void {
    const channel = channelBytes.toString();
    try {
      if (channel === this.resyncChannel) {
        if (message.equals(this.self)) return;
        void this.gapListener().catch((error: unknown) =>
          console.error('[relay] catching up after another process reconnected failed:', error),
        );
        return;
      }
      if (channel === this.workshopsChannel) {
        if (message.subarray(0, 8).equals(this.self)) return;
        this.workshopListener(JSON.parse(message.subarray(8).toString()) as WorkshopEvent);
        return;
      }
      const prefix = `${this.prefix}doc:`;
      if (!channel.startsWith(prefix) || message.length < 9) return;
      if (message.subarray(1, 9).equals(this.self)) return;
      const kind = KINDS[message[0]!];
      const receive = this.documents.get(channel.slice(prefix.length));
      if (kind && receive) receive(kind, new Uint8Array(message.subarray(9)));
    } catch (error) {
      console.error(`[relay] a message on ${channel} could not be handled:`, error);
    }
  }
}
