// Progress to goal, defined for every sign and both directions, and the sentence that explains it on the tab.
//
// progress = 1 − shortfall ÷ |goal|, where the shortfall is how far the latest value falls short of the goal in the
// metric's good direction (goal − latest when higher is better, latest − goal when lower is better; negative once
// the goal is beaten). For a positive goal of a higher-is-better metric it is latest ÷ goal, the usual "share of the
// goal reached"; it stays linear through zero and for negative goals and values, so every number reads the same way.
// A goal of 0 has no size to measure a shortfall against: progress is 100 % once met, else 0 %. A metric with no
// better direction has no progress (blank).

import type { Translated } from '../../core/languages';
import type { FunctionSpec } from '../../functions/spec';

/** Progress towards `goal` as a fraction (1 = met, above 1 = beaten), or blank without a goal, a value or a direction. */
export function progressToGoal(spec: Pick<FunctionSpec, 'direction'>, latest: number | '', goal: number | undefined): number | '' {
  if (goal === undefined || latest === '' || !Number.isFinite(goal) || !Number.isFinite(latest)) return '';
  if (spec.direction !== 'higher' && spec.direction !== 'lower') return '';
  const shortfall = spec.direction === 'higher' ? goal - latest : latest - goal;
  if (goal === 0) return shortfall <= 0 ? 1 : 0;
  return 1 - shortfall / Math.abs(goal);
}

/** The definition written among the tab's notes, in the reader's language. */
export const PROGRESS_DEFINITION: Translated<string> = {
  en: 'Progress to goal: 100% means the goal is met, and each point below 100% is a shortfall of 1% of the goal’s size, ' +
    'counted in the metric’s good direction (higher or lower is better), so an NPS of −24 against a goal of 20 (44 points short, ' +
    '220% of 20) shows −120% and 25 days against a goal of 20 days shows 75%; with a goal of 0 it shows 100% once met, else 0%.',
  cs: 'Plnění cíle: 100 % znamená, že cíl je splněn, a každý bod pod 100 % je manko ve výši 1 % velikosti cíle, ' +
    'počítané ve směru, který je u metriky lepší (vyšší nebo nižší), takže NPS −24 proti cíli 20 (o 44 bodů méně, ' +
    '220 % z 20) ukáže −120 % a 25 dní proti cíli 20 dní ukáže 75 %; při cíli 0 ukáže 100 %, jakmile je splněn, jinak 0 %.',
  pl: 'Realizacja celu: 100% oznacza, że cel jest osiągnięty, a każdy punkt poniżej 100% to niedobór równy 1% wielkości celu, ' +
    'liczony w kierunku, który dla wskaźnika jest lepszy (wyżej lub niżej), więc NPS −24 przy celu 20 (44 punkty mniej, ' +
    '220% z 20) daje −120%, a 25 dni przy celu 20 dni daje 75%; przy celu 0 pokazuje 100% po jego osiągnięciu, wcześniej 0%.',
  ru: 'Выполнение цели: 100 % — цель достигнута, а каждый пункт ниже 100 % — отставание от цели на 1 % её величины ' +
    'с учётом того, что для метрики лучше (больше или меньше), поэтому NPS −24 при цели 20 (на 44 пункта меньше, ' +
    '220 % от 20) даёт −120 %, а 25 дней при цели 20 дней — 75 %; при цели 0 показывается 100 %, когда она достигнута, иначе 0 %.',
  th: 'ความคืบหน้าสู่เป้าหมาย: 100% หมายถึงบรรลุเป้าหมายแล้ว และทุก 1 จุดที่ต่ำกว่า 100% คือส่วนที่ขาดเท่ากับ 1% ของขนาดเป้าหมาย ' +
    'โดยนับตามทิศทางที่ดีของตัวชี้วัด (สูงกว่าหรือต่ำกว่าดีกว่า) ดังนั้น NPS −24 เทียบกับเป้าหมาย 20 (ขาด 44 คะแนน ' +
    'หรือ 220% ของ 20) จะแสดง −120% และ 25 วันเทียบกับเป้าหมาย 20 วันจะแสดง 75% ส่วนเป้าหมาย 0 จะแสดง 100% เมื่อบรรลุ มิฉะนั้น 0%',
};
