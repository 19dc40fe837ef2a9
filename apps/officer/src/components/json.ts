/** What a server type becomes after JSON: dates arrive as strings. */
export type Json<V> = V extends Date ? string : V extends (infer U)[] ? Json<U>[] : V extends object ? { [K in keyof V]: Json<V[K]> } : V;
