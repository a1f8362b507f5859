// PNG and SVG downloads of a chart, drawn by the local plotly.js from the chart on screen.
// The buttons come from dashboard.components.widgets.chart(); nothing leaves the browser.
document.addEventListener("click", function (event) {
  var button = event.target.closest && event.target.closest("button.chart-download");
  if (!button || !window.Plotly) return;
  var box = button.closest(".chart-box");
  var plot = box && box.querySelector(".js-plotly-plot");
  if (!plot || !plot._fullLayout) return;
  var format = button.getAttribute("data-format");
  window.Plotly.downloadImage(plot, {
    format: format,
    filename: button.getAttribute("data-filename") || "allas-vimmerby",
    width: plot._fullLayout.width,
    height: plot._fullLayout.height,
    scale: format === "png" ? 2 : 1,
  });
});
