// 钱袋子守护: the ECharts charts. A chart is an element with data-chart (what to draw) and data-source
// (the id of a <script type="application/json"> block holding its numbers): data, never an inline
// script, so the Content-Security-Policy can refuse every inline script. A chart is redrawn when an
// htmx swap brought new numbers, and made anew when the swap replaced its element.
(function () {
  "use strict";

  var charts = {}; // by element id: { element, chart, shown }

  function json(id) {
    var element = document.getElementById(id);
    return element ? JSON.parse(element.textContent) : null;
  }

  var draw = {
    // 实有人口 of the units below the caller's scope, one bar each; a click opens the unit
    population: function (chart, bars, element) {
      element.style.height = Math.max(220, bars.length * 34 + 70) + "px"; // one readable row per unit
      chart.resize();
      var rows = bars.slice().reverse(); // ECharts draws a category axis bottom-up
      var unitPage = element.getAttribute("data-unit-page");
      chart.setOption({
        animation: false,
        grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
        tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
        xAxis: { type: "value", splitLine: { lineStyle: { color: "#eef1f5" } } },
        yAxis: { type: "category", data: rows.map(function (b) { return b.name; }), axisTick: { show: false } },
        series: [{
          type: "bar",
          data: rows.map(function (b) { return b.population; }),
          barMaxWidth: 22,
          itemStyle: { color: "#1b4f8a", borderRadius: [0, 4, 4, 0] },
          label: { show: true, position: "right", color: "#5b6878" }
        }]
      });
      chart.off("click");
      chart.on("click", function (p) { window.location.href = unitPage + rows[p.dataIndex].code; });
    },

    // the board: warnings by state, stacked by level
    board: function (chart, counts) {
      var names = json("board-names");
      var levels = ["CRITICAL", "HIGH", "MEDIUM", "LOW"];
      var statuses = ["RECEIVED", "SIGNED_FOR", "RETURNED", "TRANSFERRED"];
      // the badges' colours: 特危 dark red, 高危 red, 中危 orange, 低危 blue-grey
      var colors = { CRITICAL: "#7f1d1d", HIGH: "#d32f2f", MEDIUM: "#e67e22", LOW: "#6b84a3" };
      chart.setOption({
        animation: false,
        legend: { top: 0 },
        tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
        grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
        xAxis: { type: "category", data: statuses.map(function (s) { return names.statuses[s]; }), axisTick: { show: false } },
        yAxis: { type: "value", minInterval: 1, splitLine: { lineStyle: { color: "#eef1f5" } } },
        series: levels.map(function (l) {
          return {
            name: names.levels[l],
            type: "bar",
            stack: "all",
            barMaxWidth: 56,
            itemStyle: { color: colors[l] },
            data: statuses.map(function (s) { return counts[l][s]; })
          };
        })
      });
    },

    // money protected today, this month, this year
    money: function (chart, money) {
      chart.setOption({
        animation: false,
        grid: { left: 8, right: 24, top: 12, bottom: 8, containLabel: true },
        tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
        xAxis: { type: "category", data: money.names, axisTick: { show: false } },
        yAxis: { type: "value", splitLine: { lineStyle: { color: "#eef1f5" } } },
        series: [{
          type: "bar",
          data: money.values,
          barMaxWidth: 44,
          itemStyle: { color: "#1f7a4a", borderRadius: [4, 4, 0, 0] },
          label: { show: true, position: "top", color: "#5b6878", formatter: function (p) { return "¥" + Number(p.value).toLocaleString(); } }
        }]
      });
    }
  };

  function drawAll() {
    if (typeof echarts === "undefined") {
      return;
    }
    Array.prototype.forEach.call(document.querySelectorAll("[data-chart]"), function (element) {
      var source = document.getElementById(element.getAttribute("data-source"));
      var kind = draw[element.getAttribute("data-chart")];
      if (!source || !kind) {
        return;
      }
      var kept = charts[element.id];
      if (kept && kept.element !== element) { // a swap replaced the element: let its old chart go
        kept.chart.dispose();
        kept = null;
      }
      if (kept && kept.shown === source.textContent) {
        return;
      }
      if (!kept) {
        kept = charts[element.id] = { element: element, chart: echarts.init(element, null, { renderer: "svg" }) };
      }
      kept.shown = source.textContent;
      kind(kept.chart, JSON.parse(kept.shown), element);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", drawAll);
  } else {
    drawAll();
  }
  document.addEventListener("htmx:afterSettle", drawAll);
  window.addEventListener("resize", function () {
    Object.keys(charts).forEach(function (id) { charts[id].chart.resize(); });
  });
})();
