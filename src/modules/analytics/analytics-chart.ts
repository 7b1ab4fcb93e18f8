import * as echarts from 'echarts';
import type { AnalyticsReport } from './analytics.service';

export const CHART_SIZE = { width: 800, height: 400 };
export const SERIES_NAMES = { active: 'Active installations', installs: 'Installs' };
/** Fixed series colours (readable on white, distinct for colour-blind readers): blue and orange. */
export const SERIES_COLORS = { active: '#1f77b4', installs: '#ff7f0e' };

/**
 * The installs and active-installations series of a report as a standalone SVG document
 * (docs/analytics.md, "The chart"), drawn by Apache ECharts' server-side SVG renderer: no DOM,
 * no canvas, no fonts loaded, nothing interactive. Active installations (a level) read on the left
 * axis, installs per period (a flow, orders of magnitude smaller) on the right.
 */
export function renderAnalyticsChart(report: AnalyticsReport): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, ...CHART_SIZE });
  try {
    const per = report.granularity.toLowerCase();
    chart.setOption({
      animation: false,
      color: [SERIES_COLORS.active, SERIES_COLORS.installs],
      backgroundColor: '#ffffff',
      title: { text: `${report.appId}: installs and active installations`, subtext: `${report.from} to ${report.to}, per ${per} (UTC)`, left: 'center' },
      legend: { bottom: 0, data: [SERIES_NAMES.active, SERIES_NAMES.installs] },
      grid: { left: 80, right: 80, top: 80, bottom: 70 },
      xAxis: { type: 'category', boundaryGap: false, data: report.points.map(p => p.periodStart) },
      yAxis: [
        { type: 'value', name: SERIES_NAMES.active, minInterval: 1 },
        { type: 'value', name: `${SERIES_NAMES.installs} per ${per}`, minInterval: 1, splitLine: { show: false } },
      ],
      series: [
        { name: SERIES_NAMES.active, type: 'line', yAxisIndex: 0, showSymbol: false, silent: true, data: report.points.map(p => p.activeInstallations) },
        { name: SERIES_NAMES.installs, type: 'line', yAxisIndex: 1, showSymbol: false, silent: true, data: report.points.map(p => p.installs) },
      ],
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
