// Draws the ECharts of a page: each element with data-chart="ID" takes its options from the JSON in
// <script type="application/json" id="ID">, so that no inline script is needed (the CSP forbids them).
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('[data-chart]').forEach(function (el) {
    var source = document.getElementById(el.getAttribute('data-chart'));
    if (!source || typeof echarts === 'undefined') { return; }
    var chart = echarts.init(el);
    chart.setOption(JSON.parse(source.textContent));
    window.addEventListener('resize', function () { chart.resize(); });
  });
});
