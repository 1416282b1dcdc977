// The parts of autocannon's API the bench uses (the package ships no types).
declare module "autocannon" {
  type Histogram = { average: number; mean: number; stddev: number; min: number; max: number; total: number; p50: number; p97_5: number; p99: number };
  export type RawRequest = { method: string; path: string; headers: Record<string, string>; body?: string | Buffer };
  export type Options = {
    url: string;
    connections?: number;
    duration?: number;
    timeout?: number;
    /** Each connection closes and reconnects after this many requests. */
    reconnectRate?: number;
    requests?: {
      method?: string;
      path?: string;
      headers?: Record<string, string>;
      body?: string;
      setupRequest?: (request: RawRequest, context: Record<string, unknown>) => RawRequest;
      /** Called with each response (pipelining 1: the context is the one its request was set up with). */
      onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
    }[];
    verifyBody?: (body: string) => boolean;
  };
  export type Result = {
    requests: Histogram;
    latency: Histogram;
    throughput: Histogram;
    duration: number;
    errors: number;
    timeouts: number;
    mismatches: number;
    non2xx: number;
    statusCodeStats: Record<string, { count: number }>;
  };
  export default function autocannon(options: Options): Promise<Result>;
}
