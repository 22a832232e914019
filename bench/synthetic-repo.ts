import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * A synthetic repository shaped like ours at scale: `features` features, each with its own
 * prompt in `versionsPerPrompt` versions, a default route and a running A/B test.
 */
export function writeSyntheticRepo(root: string, repo: string, features = 100, versionsPerPrompt = 10): number {
  let files = 0;
  const write = (path: string, text: string) => {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), text);
    files++;
  };
  for (const provider of ["openai", "anthropic"]) write(`providers/${provider}.yaml`, readFileSync(join(repo, `providers/${provider}.yaml`), "utf8"));
  const prompt = readFileSync(join(repo, "prompts/career_recommendation/v1.yaml"), "utf8");
  const feature = readFileSync(join(repo, "experiments/career_path_navigator.yaml"), "utf8");
  for (let f = 0; f < features; f++) {
    const id = `prompt_${String(f).padStart(3, "0")}`;
    for (let v = 1; v <= versionsPerPrompt; v++) {
      write(`prompts/${id}/v${v}.yaml`, prompt.replace("id: career_recommendation", `id: ${id}`).replace("version: 1", `version: ${v}`).replace("temperature: 0.4", `temperature: ${(v % 10) / 10}`));
    }
    const featureId = `feature_${String(f).padStart(3, "0")}`;
    write(
      `experiments/${featureId}.yaml`,
      feature
        .replace("id: career_path_navigator", `id: ${featureId}`)
        .replaceAll("career_recommendation@1", `${id}@${versionsPerPrompt}`)
        .replaceAll("career_recommendation@2", `${id}@${versionsPerPrompt - 1}`)
        .replaceAll("cpn-", `f${f}-`),
    );
  }
  return files;
}
