// Goals typed into the sidebar's goal boxes: percent forms, shares, decimal commas, grouping, and garbage refused.

import { decimalOf, goalExample, parseGoal } from '../../sidebar/goal';

describe('a goal for a percent metric (format fraction)', () => {
  it.each([
    ['80%', 0.8], ['80 %', 0.8], ['80', 0.8], ['0.8', 0.8], ['0,8', 0.8], ['80,5 %', 0.805], ['80.5%', 0.805],
    ['1', 1], ['1 %', 0.01], ['0,01', 0.01], ['110', 1.1], ['−5 %', -0.05], ['-0.5', -0.5], ['100\u00a0%', 1],
  ])('reads “%s” as %d', (text, share) => {
    expect(parseGoal(text, 'fraction', ',')).toEqual({ value: share });
  });

  it('reads the same forms in a point-decimal language', () => {
    expect(parseGoal('0,8', 'fraction', '.')).toEqual({ value: 0.8 });
    expect(parseGoal('80,5 %', 'fraction', '.')).toEqual({ value: 0.805 });
  });
});

describe('a goal for any other metric', () => {
  it.each([
    ['20', ',', 20], ['-24', ',', -24], ['4,5', ',', 4.5], ['4.5', ',', 4.5], ['1 250,50', ',', 1250.5], ['1.250,50', ',', 1250.5],
    ['1,250.50', '.', 1250.5], ['1,250', '.', 1250], ['1,250', ',', 1.25], ['0,800', '.', 0.8], ['12 000', '.', 12000], ['+3', '.', 3],
  ] as const)('reads “%s” (decimal “%s”) as %d', (text, decimal, value) => {
    expect(parseGoal(text, 'points', decimal)).toEqual({ value });
  });

  it('refuses a % sign: the metric is not a percentage', () => {
    expect(parseGoal('20%', 'points', '.')).toEqual({ error: 'error.goalNotPercent' });
  });
});

describe('garbage and blanks', () => {
  it.each(['abc', '80%%', '1,2,3', '1.2.3', '8O', '%', '--5', '1,25.5', '5e3', '0x10'])('refuses “%s”', (text) => {
    expect(parseGoal(text, 'fraction', ',')).toEqual({ error: 'error.badGoal' });
  });

  it('leaves a blank box without a goal', () => {
    expect(parseGoal('  ', 'fraction', ',')).toEqual({ blank: true });
  });
});

it('knows each language’s decimal separator and gives an example in it', () => {
  expect(['en', 'cs', 'pl', 'ru', 'th'].map(decimalOf)).toEqual(['.', ',', ',', ',', '.']);
  expect(goalExample('fraction', ',')).toBe('80 %');
  expect(goalExample('days', ',')).toBe('12,5');
});
