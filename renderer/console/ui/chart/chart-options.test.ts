import { describe, expect, it } from 'vitest';
import { chartOption } from './chart-options.ts';

const FONT = '"Noto Sans SC", "PingFang SC", sans-serif';

describe('chartOption', () => {
  it('sets the page\'s font on every text ECharts measures (legend, both axes): never "inherit", which a canvas cannot measure', () => {
    const option = chartOption({ kind: 'bar', horizontal: true, categories: ['自来水公司', '供电所'], series: [{ name: '已计时长', values: [2.5, 0] }, { name: '待审核', values: [0, 1] }] }, FONT);
    const texts = [option.textStyle, (option.legend as { textStyle: object }).textStyle, (option.xAxis as { axisLabel: object }).axisLabel, (option.yAxis as { axisLabel: object }).axisLabel];
    for (const text of texts) expect(text).toMatchObject({ fontFamily: FONT });
    expect(JSON.stringify(option)).not.toContain('inherit');
  });
});
