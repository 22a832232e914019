import Mustache from "mustache";
import type { BundlePrompt } from "../../core/compile/bundle-types.ts";
import type { Message } from "../../core/model/types.ts";
import { validateInputs, type InputError } from "./validate-inputs.ts";

export type RenderResult = { ok: true; messages: Message[] } | { ok: false; errors: InputError[] };

/** No HTML escaping: prompts are not HTML, and "&" must reach the model as "&". */
const CONFIG = { escape: (text: string) => text };

/**
 * Validate the inputs, then render each message once. Values are never re-parsed as templates,
 * so a "{{" typed by a user stays literal. The provider's override messages replace the defaults.
 */
export function renderPrompt(prompt: BundlePrompt, provider: string, inputs: Readonly<Record<string, unknown>>): RenderResult {
  const errors = validateInputs(prompt.inputs, inputs);
  if (errors.length > 0) return { ok: false, errors };
  const declared: Record<string, unknown> = {};
  for (const name of Object.keys(prompt.inputs.properties)) if (inputs[name] !== undefined) declared[name] = inputs[name];
  const messages = prompt.overrides[provider] ?? prompt.messages;
  return { ok: true, messages: messages.map((m) => ({ role: m.role, content: Mustache.render(m.content, declared, undefined, CONFIG) })) };
}
