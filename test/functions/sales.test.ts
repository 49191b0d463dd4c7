import { column } from '../../src/functions/examples';
import { runFunction } from '../../src/functions/runner';
import type { Arg, FunctionSpec } from '../../src/functions/spec';
import { PIPELINE_VALUE, SALES_CYCLE, SALES_VELOCITY, STAGE_DURATION } from '../../src/functions/table/pipeline';
import { CLOSE_RATE, LEAD_CONVERSION, LEAD_QUALIFICATION_RATE, LEAD_RESPONSE_TIME, TRAFFIC_TO_LEAD, WIN_RATE } from '../../src/functions/table/sales';

const call = (spec: FunctionSpec, ...args: Arg[]) => runFunction(spec, args);
const at = (iso: string) => new Date(`${iso}Z`);
const d = (iso: string) => at(`${iso}T00:00:00`);

describe('WIN_RATE and CLOSE_RATE on the same deals', () => {
  const tenDeals = column('Won', 'won', 'Closed Won', 'WON', 'closed won', 'Won', 'Lost', 'Closed Lost', 'Open', 'Negotiation');

  it('gives 0.75 and 0.6 for 6 won, 2 lost and 2 open deals', () => {
    expect(call(WIN_RATE, tenDeals)).toBe(0.75);
    expect(call(CLOSE_RATE, tenDeals)).toBe(0.6);
  });

  it('skip blank cells and read a whole-row range too', () => {
    expect(call(WIN_RATE, [['Won', '', 'Lost', '  ']])).toBe(0.5);
    expect(call(CLOSE_RATE, column('Won', '', 'Open'))).toBe(0.5);
  });
});

describe('WIN_RATE', () => {
  it('uses the words given for won and lost instead of the defaults, so "Won" is then open', () => {
    expect(call(WIN_RATE, column('Signed', 'Dropped', 'Won', 'Lost', 'Signed'), 'signed', 'dropped, lost')).toBe(0.5);
  });

  it('takes a range of words for won', () => {
    expect(call(WIN_RATE, column('Signed', 'Paid', 'Lost', 'Open'), [['signed', 'paid']])).toBeCloseTo(2 / 3, 12);
  });

  it('rejects a word listed as both won and lost', () => {
    expect(() => call(WIN_RATE, column('Won'), 'won, done', 'done')).toThrow('WIN_RATE: "done" is listed both as won and as lost; a row cannot be both');
  });

  it('says when no deal is won or lost yet', () => {
    expect(() => call(WIN_RATE, column('Open', 'Negotiation', ''))).toThrow('WIN_RATE: no won or lost deals to compute on');
  });

  it('keeps only the deals dated in a labelled period', () => {
    const dates = column(d('2025-01-15'), d('2025-02-01'), d('2025-03-31'), d('2025-04-01'), '');
    expect(call(WIN_RATE, column('Won', 'Lost', 'Won', 'Lost', 'Won'), '', '', '2025-Q1', dates)).toBeCloseTo(2 / 3, 12);
  });

  it('spills a monthly series with empty months shown', () => {
    const dates = column(d('2025-01-15'), d('2025-01-20'), d('2025-03-02'), '');
    expect(call(WIN_RATE, column('Won', 'Lost', 'Won', 'Won'), '', '', 'month', dates)).toEqual([
      ['period', 'win rate', 'closed deals'], ['2025-01', 0.5, 2], ['2025-02', '', 0], ['2025-03', 1, 1],
    ]);
  });

  it('asks for dates when a period is given without them, and checks their size', () => {
    expect(() => call(WIN_RATE, column('Won'), '', '', '2025-Q1')).toThrow('WIN_RATE: a period was given but no dates');
    expect(() => call(WIN_RATE, column('Won', 'Lost'), '', '', '2025-Q1', column(d('2025-01-01')))).toThrow('WIN_RATE: dates has 1 cell but outcomes has 2');
  });
});

describe('LEAD_CONVERSION and LEAD_QUALIFICATION_RATE', () => {
  it('count customers and converted leads as converted: 2 of 5', () => {
    expect(call(LEAD_CONVERSION, column('Customer', 'New', 'Qualified', 'converted', 'Contacted', ''))).toBe(0.4);
  });

  it('read ticked checkboxes as converted', () => expect(call(LEAD_CONVERSION, column(true, false, false, true))).toBe(0.5));

  it('count MQL, SQL and later statuses as qualified, but not "Disqualified"', () => {
    expect(call(LEAD_QUALIFICATION_RATE, column('MQL', 'sql', 'New', 'Customer', 'Disqualified'))).toBe(0.6);
  });

  it('use the statuses given instead of the defaults', () => {
    expect(call(LEAD_QUALIFICATION_RATE, column('Hot', 'Cold', 'MQL', 'hot'), 'hot')).toBe(0.5);
  });

  it('reject an override with no words in it', () => {
    expect(() => call(LEAD_CONVERSION, column('x'), ' , ;')).toThrow('LEAD_CONVERSION: converted lists no words');
  });

  it('say when there are no leads', () => expect(() => call(LEAD_CONVERSION, column('', ''))).toThrow('LEAD_CONVERSION: no leads to compute on'));
});

describe('TRAFFIC_TO_LEAD', () => {
  it('divides total leads by total visitors, from ranges or single numbers', () => {
    expect(call(TRAFFIC_TO_LEAD, column(12, 8, ''), column(400, 600))).toBe(0.02);
    expect(call(TRAFFIC_TO_LEAD, 30, 1200)).toBe(0.025);
    expect(call(TRAFFIC_TO_LEAD, '30', '1200')).toBe(0.025);
  });

  it('adds up only the rows dated in the period', () => {
    const dates = column(d('2025-03-01'), d('2025-03-31'), d('2025-04-01'));
    expect(call(TRAFFIC_TO_LEAD, column(10, 20, 99), column(500, 1000, 1), '2025-03', dates)).toBe(0.02);
  });

  it('needs leads and visitors beside the dates with a period', () => {
    expect(() => call(TRAFFIC_TO_LEAD, 30, column(500, 1000), '2025-03', column(d('2025-03-01'), d('2025-03-02'))))
      .toThrow('TRAFFIC_TO_LEAD: with a period, give leads and visitors as ranges beside the dates, one row each');
  });

  it('refuses zero visitors and negative counts', () => {
    expect(() => call(TRAFFIC_TO_LEAD, 5, 0)).toThrow('TRAFFIC_TO_LEAD: the total of visitors is zero, so the rate cannot be computed');
    expect(() => call(TRAFFIC_TO_LEAD, column(5, -1), 100)).toThrow('TRAFFIC_TO_LEAD: 1 value is not counts of 0 or more (first: -1 in row 2 of leads)');
  });
});

describe('PIPELINE_VALUE', () => {
  const amounts = column(1000, 5000, 2000, 3000, '');
  const outcomes = column('Open', 'Won', 'Proposal', 'Lost', 'Open');

  it('adds the amounts of open deals', () => expect(call(PIPELINE_VALUE, amounts, outcomes)).toBe(3000));

  it('weights them by probability, given as fractions or percent text', () => {
    expect(call(PIPELINE_VALUE, amounts, outcomes, column(0.5, 1, '25%', 0, 1))).toBe(1000);
  });

  it('is 0 when every deal is closed', () => expect(call(PIPELINE_VALUE, column(10, 20), column('Won', 'Lost'))).toBe(0));

  it('sums open deals by expected close month', () => {
    const dates = column(d('2025-01-10'), d('2025-01-11'), d('2025-02-01'), d('2025-03-01'), '');
    expect(call(PIPELINE_VALUE, amounts, outcomes, '', 'month', dates)).toEqual([
      ['period', 'pipeline value', 'open deals'], ['2025-01', 1000, 1], ['2025-02', 2000, 1], ['2025-03', 0, 0],
    ]);
  });

  it('rejects probabilities above 1 and amounts below 0, naming the cell', () => {
    expect(() => call(PIPELINE_VALUE, amounts, outcomes, column(60, 1, 1, 1, 1))).toThrow('PIPELINE_VALUE: 1 value is not probabilities from 0 to 1 (first: 60 in row 1 of probabilities)');
    expect(() => call(PIPELINE_VALUE, column(-5), column('Open'))).toThrow('(first: -5 in row 1 of amounts)');
  });

  it('needs outcomes beside amounts', () => {
    expect(() => call(PIPELINE_VALUE, column(1, 2), column('Open'))).toThrow('PIPELINE_VALUE: outcomes has 1 cell but amounts has 2');
  });
});

describe('SALES_CYCLE', () => {
  const created = column(d('2025-01-01'), d('2025-01-10'), d('2025-02-01'), d('2025-02-01'), '');
  const closed = column(d('2025-01-31'), d('2025-02-09'), d('2025-02-16'), '', d('2025-03-01'));
  const outcomes = column('Won', 'Won', 'Lost', 'Open', 'Won');

  it('gives the mean days from created to closed, skipping rows with a blank date: (30 + 30 + 15) ÷ 3', () => {
    expect(call(SALES_CYCLE, created, closed)).toBe(25);
  });

  it('keeps only won deals when outcomes are given, and gives the median on request', () => {
    expect(call(SALES_CYCLE, created, closed, outcomes)).toBe(30);
    expect(call(SALES_CYCLE, created, closed, '', 'median')).toBe(30);
  });

  it('counts part days from times of day', () => {
    expect(call(SALES_CYCLE, column(at('2025-01-01T00:00:00')), column(at('2025-01-02T12:00:00')))).toBe(1.5);
  });

  it('rejects a close before the creation, naming the row', () => {
    expect(() => call(SALES_CYCLE, column(d('2025-01-05'), d('2025-01-05')), column(d('2025-01-06'), d('2025-01-04'))))
      .toThrow('SALES_CYCLE: 1 row ends before it starts (first: row 2 of closed)');
  });

  it('dates deals by their close in a period, and says when none closed in it', () => {
    expect(call(SALES_CYCLE, created, closed, '', 'mean', '2025-02')).toBe(22.5);
    expect(() => call(SALES_CYCLE, created, closed, outcomes, 'mean', '2024-12')).toThrow('SALES_CYCLE: no won deals with both dates in 2024-12');
  });

  it('rejects a statistic it does not know', () => {
    expect(() => call(SALES_CYCLE, created, closed, '', 'mode')).toThrow('SALES_CYCLE: statistic must be one of "mean", "median", got "mode"');
  });
});

describe('SALES_VELOCITY', () => {
  const amounts = column(1000, 2000, 500, 3000, 4000);
  const outcomes = column('Won', 'Won', 'Lost', 'Open', 'Open');
  const created = column(d('2025-01-01'), d('2025-01-01'), d('2025-01-05'), d('2025-02-01'), d('2025-02-10'));
  const closed = column(d('2025-01-11'), d('2025-01-31'), d('2025-01-20'), '', '');

  it('is 2 open deals × 1500 average won × 2/3 win rate ÷ 20 days = 100 a day', () => {
    expect(call(SALES_VELOCITY, amounts, outcomes, created, closed)).toBeCloseTo(100, 10);
  });

  it('works on the deals created in a period', () => {
    const feb = column(d('2025-02-01'), d('2025-02-01'), d('2025-02-05'), d('2025-02-01'), d('2025-03-10'));
    const febClosed = column(d('2025-02-11'), d('2025-03-03'), d('2025-02-20'), '', '');
    expect(call(SALES_VELOCITY, amounts, outcomes, feb, febClosed, '2025-02')).toBeCloseTo(50, 10);
  });

  it('spills a monthly series by created date, blank where a month lacks won deals', () => {
    expect(call(SALES_VELOCITY, amounts, outcomes, created, closed, 'month')).toEqual([
      ['period', 'sales velocity', 'deals'], ['2025-01', 0, 3], ['2025-02', '', 2],
    ]);
  });

  it('says what it lacks: closed deals, or a cycle longer than zero', () => {
    expect(() => call(SALES_VELOCITY, column(1, 2), column('Open', 'Open'), column(d('2025-01-01'), d('2025-01-01')), column('', '')))
      .toThrow('SALES_VELOCITY: no closed deals to compute on');
    expect(() => call(SALES_VELOCITY, column(1, 2), column('Won', 'Open'), column(d('2025-01-01'), d('2025-01-01')), column(d('2025-01-01'), '')))
      .toThrow('SALES_VELOCITY: the average sales cycle is zero, so the rate cannot be computed');
  });
});

describe('STAGE_DURATION', () => {
  const deals = column('A', 'B', 'A', 'B', 'A', 'C');
  const stages = column('Lead', 'Lead', 'Proposal', 'Proposal', 'Won', 'Lead');
  const entered = column(d('2025-01-01'), d('2025-01-05'), d('2025-01-11'), d('2025-01-09'), d('2025-01-21'), d('2025-02-01'));

  it('spills stage | deals | mean days | median days, stages in order of appearance', () => {
    expect(call(STAGE_DURATION, deals, stages, entered)).toEqual([
      ['stage', 'deals', 'mean days', 'median days'], ['Lead', 2, 7, 7], ['Proposal', 1, 10, 10], ['Won', 0, '', ''],
    ]);
  });

  it('keeps the stays that began in a period', () => {
    expect(call(STAGE_DURATION, deals, stages, entered, '2025-01-09..2025-01-31')).toEqual([
      ['stage', 'deals', 'mean days', 'median days'], ['Lead', 0, '', ''], ['Proposal', 1, 10, 10], ['Won', 0, '', ''],
    ]);
  });

  it('spills period | stage | … for a grain', () => {
    const table = call(STAGE_DURATION, deals, stages, entered, 'month') as (string | number)[][];
    expect(table[0]).toEqual(['period', 'stage', 'deals', 'mean days', 'median days']);
    expect(table.slice(1).map((r) => r.slice(0, 3))).toEqual([
      ['2025-01', 'Lead', 2], ['2025-01', 'Proposal', 1], ['2025-01', 'Won', 0],
      ['2025-02', 'Lead', 0], ['2025-02', 'Proposal', 0], ['2025-02', 'Won', 0],
    ]);
  });

  it('says when there are no stage entries, and checks the ranges are the same size', () => {
    expect(() => call(STAGE_DURATION, column('', ''), column('', ''), column('', ''))).toThrow('STAGE_DURATION: no stage entries to compute on');
    expect(() => call(STAGE_DURATION, column('A', 'A'), column('Lead'), column(d('2025-01-01')))).toThrow('STAGE_DURATION: stages has 1 cell but deal_ids has 2');
  });
});

describe('LEAD_RESPONSE_TIME', () => {
  const created = column(at('2025-03-03T09:00:00'), at('2025-03-03T10:00:00'), at('2025-03-03T14:00:00'));
  const responded = column(at('2025-03-03T11:00:00'), at('2025-03-03T10:30:00'), '');

  it('gives the mean hours to the first response, skipping leads not yet answered', () => {
    expect(call(LEAD_RESPONSE_TIME, created, responded)).toBe(1.25);
  });

  it('converts to minutes or days, and accepts abbreviations', () => {
    expect(call(LEAD_RESPONSE_TIME, created, responded, 'min')).toBe(75);
    expect(call(LEAD_RESPONSE_TIME, created, responded, 'Days')).toBeCloseTo(1.25 / 24, 12);
  });

  it('rejects an unknown unit and a response before the lead', () => {
    expect(() => call(LEAD_RESPONSE_TIME, created, responded, 'fortnights')).toThrow('LEAD_RESPONSE_TIME: unit must be one of "minutes", "hours", "days", "weeks", got "fortnights"');
    expect(() => call(LEAD_RESPONSE_TIME, created, column('', '', at('2025-03-03T13:00:00')))).toThrow('LEAD_RESPONSE_TIME: 1 row ends before it starts (first: row 3 of first_response)');
  });

  it('uses the spreadsheet’s time zone for the period, dating leads by creation', () => {
    // 23:30 UTC on 31 March is 1 April in Prague: the lead belongs to April there.
    const lateCreated = column(at('2025-03-31T23:30:00'));
    const lateResponded = column(at('2025-04-01T00:30:00'));
    expect(runFunction(LEAD_RESPONSE_TIME, [lateCreated, lateResponded, 'hours', '2025-04'], { timeZone: () => 'Europe/Prague' })).toBe(1);
    expect(() => runFunction(LEAD_RESPONSE_TIME, [lateCreated, lateResponded, 'hours', '2025-04'])).toThrow('LEAD_RESPONSE_TIME: no answered leads in 2025-04');
  });
});
