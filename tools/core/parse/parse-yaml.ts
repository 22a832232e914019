import { CORE_SCHEMA, load } from "js-yaml";
import { LineCounter, isAlias, isMap, isScalar, isSeq, parseDocument, visit, type Node } from "yaml";
import { START, type Diagnostic, type Position } from "../diagnostics.ts";

/** Config files are small; anything bigger is a mistake or an attack, so it is not parsed. */
export const MAX_FILE_BYTES = 256 * 1024;
/** Real config needs few aliases; a billion-laughs document needs many. */
export const MAX_ALIAS_COUNT = 64;

export interface SourceFile {
  /** Repository-relative, forward slashes. */
  path: string;
  text: string;
}

export type JsonPointer = readonly (string | number)[];

export interface ParsedFile {
  path: string;
  text: string;
  data: unknown;
  /** Position of the value at `pointer` (or of its key), falling back to the nearest parent. */
  locate(pointer: JsonPointer, target?: "key" | "value"): Position;
}

export type ParseResult = { ok: true; file: ParsedFile } | { ok: false; diagnostics: Diagnostic[] };

/** An anchor anywhere sends the file down the precise path, which limits alias expansion. */
const ANCHOR = /(^|[\s[{,:-])&[^\s,[\]{}]/m;

/**
 * Two parsers, one result. The fast path (js-yaml, YAML 1.2 core schema) reads well-formed files
 * about ten times faster; the precise path (`yaml`, with positions, duplicate-key and alias
 * limits) reports every error and locates every finding. Files with anchors, and files the fast
 * path rejects, take the precise path; positions are computed only when a finding needs one.
 */
export function parseYamlFile(source: SourceFile): ParseResult {
  const bytes = utf8Length(source.text);
  if (bytes > MAX_FILE_BYTES) {
    return fail(source.path, START, "file-too-large", `File is ${bytes} bytes; the limit is ${MAX_FILE_BYTES}.`, "Split the content or move large data out of the config.");
  }
  if (!source.text.includes("&") || !ANCHOR.test(source.text)) {
    let data: unknown;
    let ok = true;
    try {
      data = load(source.text, { schema: CORE_SCHEMA, json: false }) ?? null;
    } catch {
      ok = false;
    }
    if (ok) {
      let precise: ParseResult | undefined;
      const locate = (pointer: JsonPointer, target: "key" | "value" = "value"): Position => {
        precise ??= parsePrecisely(source);
        return precise.ok ? precise.file.locate(pointer, target) : START;
      };
      return { ok: true, file: { path: source.path, text: source.text, data, locate } };
    }
  }
  return parsePrecisely(source);
}

function parsePrecisely(source: SourceFile): ParseResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source.text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  const pos = (offset: number): Position => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  if (doc.errors.length > 0) {
    // Later syntax errors are nearly always echoes of the first: report the cause only.
    return {
      ok: false,
      diagnostics: doc.errors.slice(0, 1).map((e) => {
        const duplicate = e.code === "DUPLICATE_KEY";
        return diagnostic(
          source.path,
          pos(e.pos[0]),
          duplicate ? "yaml-duplicate-key" : "yaml-syntax",
          duplicate ? "Duplicate key: the later value would silently win." : `YAML syntax error: ${firstLine(e.message)}`,
          duplicate ? "Remove or rename one of the keys." : "Fix the YAML syntax; check indentation and quoting around this position.",
        );
      }),
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    return fail(source.path, firstAlias(doc, pos), "yaml-alias-limit", `Too many alias expansions (limit ${MAX_ALIAS_COUNT}): ${firstLine(String((error as Error).message))}`, "Write the values out instead of nesting aliases.");
  }
  const locate = (pointer: JsonPointer, target: "key" | "value" = "value"): Position => {
    let node: unknown = doc.contents;
    let found: Position = START;
    if (isNode(node) && node.range) found = pos(node.range[0]);
    for (const [i, segment] of pointer.entries()) {
      const last = i === pointer.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
        if (!pair) return found;
        const keyNode = pair.key as Node;
        if (last && target === "key" && keyNode.range) return pos(keyNode.range[0]);
        node = pair.value;
        const at = isNode(node) && node.range ? node.range[0] : keyNode.range?.[0];
        if (at !== undefined) found = pos(at);
      } else if (isSeq(node)) {
        const item = node.items[Number(segment)];
        if (!isNode(item)) return found;
        node = item;
        if (item.range) found = pos(item.range[0]);
      } else {
        return found;
      }
    }
    return found;
  };
  return { ok: true, file: { path: source.path, text: source.text, data, locate } };
}

function isNode(value: unknown): value is Node {
  return typeof value === "object" && value !== null && "range" in value;
}

function firstAlias(doc: ReturnType<typeof parseDocument>, pos: (offset: number) => Position): Position {
  let at: Position = START;
  visit(doc, {
    Alias(_key, node) {
      if (isAlias(node) && node.range) at = pos(node.range[0]);
      return visit.BREAK;
    },
  });
  return at;
}

function utf8Length(text: string): number {
  // Cheap upper bound first: a UTF-16 unit is at most 3 UTF-8 bytes.
  if (text.length * 3 <= MAX_FILE_BYTES) return text.length;
  return new TextEncoder().encode(text).length;
}

function firstLine(message: string): string {
  return message.split("\n")[0]!.trim();
}

function diagnostic(file: string, at: Position, code: string, message: string, hint: string): Diagnostic {
  return { code, severity: "error", file, line: at.line, column: at.column, message, hint };
}

function fail(file: string, at: Position, code: string, message: string, hint: string): ParseResult {
  return { ok: false, diagnostics: [diagnostic(file, at, code, message, hint)] };
}
