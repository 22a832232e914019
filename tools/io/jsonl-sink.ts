import { closeSync, openSync, writeSync } from "node:fs";
import type { TelemetryEvent, TelemetrySink } from "../runtime/telemetry/events.ts";

const FLUSH_BYTES = 1 << 20;

/** Telemetry as JSON lines in a file, buffered and written synchronously (CLI use). */
export class JsonlFileSink implements TelemetrySink {
  private readonly fd: number;
  private buffer: string[] = [];
  private size = 0;
  written = 0;

  constructor(path: string) {
    this.fd = openSync(path, "w");
  }

  emit(event: TelemetryEvent): void {
    const line = `${JSON.stringify(event)}\n`;
    this.buffer.push(line);
    this.size += line.length;
    this.written++;
    if (this.size >= FLUSH_BYTES) this.flush();
  }

  flush(): void {
    if (this.buffer.length === 0) return;
    writeSync(this.fd, this.buffer.join(""));
    this.buffer = [];
    this.size = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}
