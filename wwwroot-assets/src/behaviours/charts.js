// Draws a Chart.js chart for each <canvas data-chart='{"type":...,"data":...}'> the server renders.
import { Chart, registerables } from "chart.js";
import { selfAndDescendants } from "./dom.js";

Chart.register(...registerables);

export function attach(root) {
  for (const canvas of selfAndDescendants(root, "canvas[data-chart]")) {
    if (Chart.getChart(canvas)) {
      continue;
    }
    try {
      const config = JSON.parse(canvas.dataset.chart);
      config.options = { responsive: true, maintainAspectRatio: false, ...config.options };
      new Chart(canvas, config);
    } catch (error) {
      console.error("FlowStudio: could not draw the chart", canvas, error);
    }
  }
}

export function detach(root) {
  for (const canvas of selfAndDescendants(root, "canvas[data-chart]")) {
    Chart.getChart(canvas)?.destroy();
  }
}
