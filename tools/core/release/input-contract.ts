import type { BundlePrompt } from "../compile/bundle-types.ts";
import type { InputField } from "../model/types.ts";
import type { Change } from "./types.ts";

/** What Rails must send for a feature: every input any served prompt declares, merged. */
interface InputSlot {
  type: string;
  /** Required by at least one prompt: Rails must always send it. */
  required: boolean;
  /** The tightest limit across prompts (maxLength or maxItems), if any. */
  limit?: number;
}

export function inputContract(prompts: Record<string, BundlePrompt>): Map<string, InputSlot> {
  const slots = new Map<string, InputSlot>();
  const visit = (properties: Record<string, InputField>, required: readonly string[], prefix: string, parentRequired: boolean) => {
    for (const [name, field] of Object.entries(properties)) {
      const path = prefix ? `${prefix}.${name}` : name;
      const isRequired = parentRequired && required.includes(name);
      const limit = field.type === "string" ? field.maxLength : field.type === "array" ? field.maxItems : undefined;
      const slot = slots.get(path);
      if (!slot) slots.set(path, { type: field.type, required: isRequired, limit });
      else {
        slot.required ||= isRequired;
        if (slot.type !== field.type) slot.type = `${slot.type}|${field.type}`;
        if (limit !== undefined) slot.limit = slot.limit === undefined ? limit : Math.min(slot.limit, limit);
      }
      if (field.type === "object") visit(field.properties, field.required ?? [], path, isRequired);
      if (field.type === "array" && field.items.type === "object") visit(field.items.properties, field.items.required ?? [], `${path}[]`, isRequired);
    }
  };
  for (const key of Object.keys(prompts).sort()) visit(prompts[key]!.inputs.properties, prompts[key]!.inputs.required ?? [], "", true);
  return slots;
}

/** Rails is the producer of inputs: anything it must newly send or can no longer send breaks it. */
export function diffInputs(before: Map<string, InputSlot>, after: Map<string, InputSlot>): Change[] {
  const changes: Change[] = [];
  for (const [path, old] of before) {
    const now = after.get(path);
    if (!now) changes.push({ level: "major", message: `Input \`${path}\` was removed: Rails must stop sending it.` });
    else if (now.type !== old.type) changes.push({ level: "major", message: `Input \`${path}\` changed type from ${old.type} to ${now.type}.` });
    else {
      if (now.required && !old.required) changes.push({ level: "major", message: `Input \`${path}\` is now required: Rails must always send it.` });
      if (!now.required && old.required) changes.push({ level: "minor", message: `Input \`${path}\` is now optional.` });
      if (old.limit !== undefined && now.limit !== undefined && now.limit < old.limit) {
        changes.push({ level: "major", message: `Input \`${path}\` limit shrank from ${old.limit} to ${now.limit}: longer values Rails sends today would be rejected.` });
      } else if (old.limit !== now.limit) {
        changes.push({ level: "patch", message: `Input \`${path}\` limit changed from ${old.limit ?? "none"} to ${now.limit ?? "none"}.` });
      }
    }
  }
  for (const [path, now] of after) {
    if (before.has(path)) continue;
    changes.push(
      now.required
        ? { level: "major", message: `Required input \`${path}\` was added: Rails must send it.` }
        : { level: "minor", message: `Optional input \`${path}\` was added.` },
    );
  }
  return changes;
}
