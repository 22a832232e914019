import Mustache from "mustache";
import type { InputField, ObjectField } from "../model/types.ts";

/**
 * Static analysis of one Mustache template against the declared inputs: does it parse, which
 * variables does it use, are they all declared, and how long can the rendered text get.
 * Only the portable subset is allowed (names, dotted names, `.`, sections, inverted sections,
 * comments) so that Ruby's Mustache renders exactly what JavaScript's does.
 */
export interface TemplateAnalysis {
  parseError?: { message: string; offset: number };
  unsupported: { tag: string; offset: number }[];
  undeclared: { name: string; offset: number }[];
  /** Input paths the template reads, like "profile.skills" or "market[].role". */
  used: Set<string>;
  /** Upper bound of the rendered length in UTF-16 code units, all inputs at their limits. */
  worstCaseChars: number;
}

type Token = [type: string, value: string, start: number, end: number, children?: Token[]];

interface Scope {
  field: InputField | undefined;
  path: string;
}

/** Digits of the longest number we expect to render; booleans render as "false". */
const SCALAR_WIDTH = { number: 24, integer: 16, boolean: 5 } as const;

export function analyzeTemplate(template: string, inputs: ObjectField): TemplateAnalysis {
  const result: TemplateAnalysis = { unsupported: [], undeclared: [], used: new Set(), worstCaseChars: 0 };
  let tokens: Token[];
  try {
    tokens = Mustache.parse(template) as unknown as Token[];
  } catch (error) {
    const message = (error as Error).message;
    let offset = Number(/at (\d+)\s*$/.exec(message)?.[1] ?? 0);
    // Mustache reports an unclosed section at the end of the template; point at its opening tag.
    const unclosed = /^Unclosed section "([^"]+)"/.exec(message)?.[1];
    if (unclosed) offset = Math.max(template.lastIndexOf(`{{#${unclosed}}}`), template.lastIndexOf(`{{^${unclosed}}}`), 0);
    result.parseError = { message, offset };
    return result;
  }
  result.worstCaseChars = walk(tokens, [{ field: inputs, path: "" }], 1, result);
  return result;
}

function walk(tokens: Token[], stack: Scope[], repeat: number, result: TemplateAnalysis): number {
  let chars = 0;
  for (const [type, value, start, , children] of tokens) {
    switch (type) {
      case "text":
        chars += value.length * repeat;
        break;
      case "name":
      case "&": {
        const scope = resolve(value, stack, start, result);
        chars += width(scope?.field) * repeat;
        break;
      }
      case "#":
      case "^": {
        const scope = resolve(value, stack, start, result);
        const field = scope?.field;
        if (type === "^") {
          chars += walk(children ?? [], stack, repeat, result);
        } else if (field?.type === "array") {
          const inner = { field: field.items, path: `${scope!.path}[]` };
          chars += walk(children ?? [], [...stack, inner], repeat * field.maxItems, result);
        } else {
          chars += walk(children ?? [], [...stack, scope ?? { field: undefined, path: value }], repeat, result);
        }
        break;
      }
      case "!":
        break;
      default:
        // Partials (>) and delimiter changes (=) do not port across Mustache implementations.
        result.unsupported.push({ tag: type, offset: start });
    }
  }
  return chars;
}

/** Mustache context lookup: `.` is the current item; a name is searched innermost scope first. */
function resolve(name: string, stack: Scope[], offset: number, result: TemplateAnalysis): Scope | undefined {
  const top = stack[stack.length - 1]!;
  if (name === ".") {
    if (stack.length === 1) {
      result.undeclared.push({ name, offset });
      return undefined;
    }
    return top;
  }
  const [head, ...rest] = name.split(".");
  for (let i = stack.length - 1; i >= 0; i--) {
    const scope = stack[i]!;
    if (scope.field?.type !== "object") continue;
    let field: InputField | undefined = scope.field.properties[head!];
    if (!field) continue;
    let path = join(scope.path, head!);
    for (const part of rest) {
      field = field?.type === "object" ? field.properties[part] : undefined;
      path = join(path, part);
    }
    if (!field) break;
    result.used.add(path);
    return { field, path };
  }
  result.undeclared.push({ name, offset });
  return undefined;
}

function join(path: string, name: string): string {
  return path ? `${path}.${name}` : name;
}

function width(field: InputField | undefined): number {
  if (!field) return 0;
  switch (field.type) {
    case "string":
      return field.enum ? Math.max(...field.enum.map((v) => v.length)) : field.maxLength;
    case "number":
    case "integer":
    case "boolean":
      return SCALAR_WIDTH[field.type];
    default:
      // Arrays and objects render as "[object Object]"-like noise; the used-wrongly check is separate.
      return 0;
  }
}

/** Every input path a template set must read: required properties, recursively through used parents. */
export function requiredPaths(inputs: ObjectField): string[] {
  const paths: string[] = [];
  const visit = (field: ObjectField, prefix: string): void => {
    for (const name of field.required ?? []) {
      const child = field.properties[name];
      const path = join(prefix, name);
      paths.push(path);
      if (child?.type === "object") visit(child, path);
      if (child?.type === "array" && child.items.type === "object") visit(child.items, `${path}[]`);
    }
  };
  visit(inputs, "");
  return paths;
}

/** Line and column (1-based) of an offset inside a template string. */
export function offsetToLineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
