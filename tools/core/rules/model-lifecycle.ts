import type { Diagnostic } from "../diagnostics.ts";
import { daysBetween } from "../dates.ts";
import { routeSites } from "../model/routes.ts";
import { findModel } from "./model-ref-exists.ts";
import { report, type Rule } from "./rule.ts";

/** Warn this many days before a retirement: time to run a replacement experiment. */
export const RETIREMENT_NOTICE_DAYS = 90;

/** Requests to a retired model fail in production; the dates come from the provider file. */
export const modelLifecycle: Rule = {
  code: "model-lifecycle",
  severity: "warning",
  description: `A route uses a model that is deprecated, retired, or retires within ${RETIREMENT_NOTICE_DAYS} days.`,
  check({ model, today }) {
    const out: Diagnostic[] = [];
    for (const feature of model.features.values()) {
      for (const site of routeSites(feature).filter((s) => !s.inherited)) {
        site.route.chain.forEach((attempt, i) => {
          const def = findModel(model, attempt.model);
          if (!def) return;
          const { deprecated_on, retires_on, source } = def.lifecycle;
          const pointer = [...site.pointer, "chain", i, "model"];
          const hint = `Route to a current model (a reviewed config change, no Rails deploy). Dates from ${source}.`;
          if (retires_on && daysBetween(retires_on, today) >= 0) {
            out.push(report(this, feature.file, pointer, `${attempt.model} was retired on ${retires_on}: requests to it fail (${site.label}).`, hint));
          } else if (retires_on && daysBetween(today, retires_on) <= RETIREMENT_NOTICE_DAYS) {
            out.push(report(this, feature.file, pointer, `${attempt.model} retires on ${retires_on}, in ${daysBetween(today, retires_on)} days (${site.label}).`, hint));
          } else if (deprecated_on && daysBetween(deprecated_on, today) >= 0) {
            out.push(report(this, feature.file, pointer, `${attempt.model} is deprecated since ${deprecated_on} (${site.label}).`, hint));
          }
        });
      }
    }
    return out;
  },
};
