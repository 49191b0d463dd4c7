// Progress to goal for every sign and both directions, checked against values computed by hand, and its definition.

import { LANGUAGES } from '../../../src/core/languages';
import { findFunction } from '../../../src/functions/catalogue';
import { PROGRESS_DEFINITION, progressToGoal } from '../../../src/server/summary/progress';

const spec = (name: string) => {
  const f = findFunction(name);
  if (!f) throw new Error(name);
  return f;
};

describe('progress to goal, higher is better', () => {
  it('is −120 % for an NPS of −24 against a goal of 20: 44 points short is 220 % of the goal', () => {
    expect(progressToGoal(spec('NPS'), -24, 20)).toBeCloseTo(1 - 44 / 20, 12);
    expect(progressToGoal(spec('NPS'), -24, 20)).toBeCloseTo(-1.2, 12);
  });

  it('is latest ÷ goal for a positive goal: a win rate of 60 % against 80 % is 75 %', () => {
    expect(progressToGoal(spec('WIN_RATE'), 0.6, 0.8)).toBeCloseTo(0.75, 12);
  });

  it('is over 100 % once beaten: NPS 30 against 20 is 150 %', () => {
    expect(progressToGoal(spec('NPS'), 30, 20)).toBeCloseTo(1.5, 12);
  });

  it('measures a negative goal by its size: net new revenue −1,500 against a goal of −1,000 is 50 %', () => {
    expect(progressToGoal(spec('NET_NEW_REVENUE'), -1500, -1000)).toBeCloseTo(0.5, 12);
    expect(progressToGoal(spec('NET_NEW_REVENUE'), -500, -1000)).toBeCloseTo(1.5, 12);
  });
});

describe('progress to goal, lower is better', () => {
  it('is 75 % for 25 days to close against a goal of 20: 5 days over is a quarter of the goal', () => {
    expect(progressToGoal(spec('SALES_CYCLE'), 25, 20)).toBeCloseTo(0.75, 12);
  });

  it('is 150 % for 10 days against 20, and 100 % exactly at the goal', () => {
    expect(progressToGoal(spec('SALES_CYCLE'), 10, 20)).toBeCloseTo(1.5, 12);
    expect(progressToGoal(spec('SALES_CYCLE'), 20, 20)).toBe(1);
  });

  it('goes below zero far past the goal: churn of 12 % against 4 % is −100 %', () => {
    expect(progressToGoal(spec('CHURN'), 0.12, 0.04)).toBeCloseTo(-1, 12);
  });
});

describe('a goal of 0', () => {
  it('is 100 % once met and 0 % before, in either direction', () => {
    expect(progressToGoal(spec('NET_NEW_REVENUE'), 250, 0)).toBe(1);
    expect(progressToGoal(spec('NET_NEW_REVENUE'), 0, 0)).toBe(1);
    expect(progressToGoal(spec('NET_NEW_REVENUE'), -5, 0)).toBe(0);
    expect(progressToGoal(spec('CHURN'), 0, 0)).toBe(1);
    expect(progressToGoal(spec('CHURN'), 0.02, 0)).toBe(0);
  });
});

describe('blank progress', () => {
  it('without a goal, without a latest value, or for a metric with no better direction', () => {
    expect(progressToGoal(spec('NPS'), 10, undefined)).toBe('');
    expect(progressToGoal(spec('NPS'), '', 20)).toBe('');
    expect(progressToGoal(spec('NPS_CI'), 10, 20)).toBe('');
  });
});

describe('the definition written on the tab', () => {
  it.each(LANGUAGES)('is one sentence in %s, giving the worked examples (−120, 75)', (language) => {
    const text = PROGRESS_DEFINITION[language];
    expect(text).toMatch(/−120/);
    expect(text).toMatch(/75/);
    expect(text.replace(/\.$/, '')).not.toMatch(/\.\s/);
  });

  it('is translated, not English, outside English', () => {
    for (const language of LANGUAGES.filter((l) => l !== 'en')) expect(PROGRESS_DEFINITION[language]).not.toMatch(/\bgoal\b/);
  });
});
