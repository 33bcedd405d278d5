/** Transaction origin for edits made by the local user; undo tracks only this origin. */
export const LOCAL_ORIGIN: { readonly name: string } = Object.freeze({ name: 'local' });

/** Transaction origin for changes the server makes itself (membership, reveal, import, demo). */
export const SERVER_ORIGIN: { readonly name: string } = Object.freeze({ name: 'server' });
