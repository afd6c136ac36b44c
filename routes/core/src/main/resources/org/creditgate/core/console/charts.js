/*
 * A small time-series line chart on <canvas>, enough for throughput and backlog. Hand-written because the console
 * may load nothing from outside the gateway, and a charting library is far more than two line charts need.
 */
(function (global) {
  'use strict';

  var PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b', '#17becf', '#7f7f7f'];

  /** A chart keeping the last `capacity` samples of several named series. */
  function TimeChart(canvas, legend, capacity) {
    this.canvas = canvas;
    this.legend = legend;
    this.capacity = capacity;
    this.times = [];
    this.series = {};
    this.order = [];
  }

  /** Adds one sample: `values` maps a series name to its value at `time` (ms); a missing series counts as 0. */
  TimeChart.prototype.add = function (time, values) {
    var self = this;
    Object.keys(values).forEach(function (name) {
      if (!self.series[name]) {
        self.series[name] = self.times.map(function () { return 0; });
        self.order.push(name);
      }
    });
    this.times.push(time);
    this.order.forEach(function (name) {
      var v = values[name];
      self.series[name].push(typeof v === 'number' && isFinite(v) ? v : 0);
    });
    if (this.times.length > this.capacity) {
      this.times.shift();
      this.order.forEach(function (name) { self.series[name].shift(); });
    }
    this.draw();
  };

  /** The last value of a series (tests and the page's tables read it). */
  TimeChart.prototype.last = function (name) {
    var s = this.series[name];
    return s && s.length ? s[s.length - 1] : undefined;
  };

  TimeChart.prototype.draw = function () {
    var c = this.canvas, ctx = c.getContext('2d');
    var ratio = global.devicePixelRatio || 1, w = c.clientWidth || c.width, h = c.clientHeight || c.height;
    if (c.width !== Math.round(w * ratio)) {
      c.width = Math.round(w * ratio);
      c.height = Math.round(h * ratio);
    }
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, w, h);
    var left = 48, right = 8, top = 8, bottom = 22, pw = w - left - right, ph = h - top - bottom;
    var self = this, max = 0;
    this.order.forEach(function (n) { self.series[n].forEach(function (v) { if (v > max) { max = v; } }); });
    max = niceCeiling(max);
    ctx.strokeStyle = '#d5dde5';
    ctx.fillStyle = '#5d6b78';
    ctx.font = '11px system-ui, sans-serif';
    ctx.lineWidth = 1;
    for (var i = 0; i <= 4; i++) {
      var y = top + ph - (ph * i) / 4;
      ctx.beginPath();
      ctx.moveTo(left, y);
      ctx.lineTo(left + pw, y);
      ctx.stroke();
      ctx.fillText(format(max * i / 4), 4, y + 4);
    }
    var n = this.times.length;
    if (n > 1) {
      var span = (this.times[n - 1] - this.times[0]) / 1000;
      ctx.fillText('-' + Math.round(span) + ' s', left, h - 6);
      ctx.fillText('now', left + pw - 22, h - 6);
    }
    this.order.forEach(function (name, k) {
      var values = self.series[name];
      ctx.strokeStyle = PALETTE[k % PALETTE.length];
      ctx.lineWidth = 2;
      ctx.beginPath();
      values.forEach(function (v, j) {
        var x = left + (n > 1 ? (pw * j) / (self.capacity - 1) : 0);
        var y = top + ph - (max > 0 ? (ph * v) / max : 0);
        if (j === 0) { ctx.moveTo(x, y); } else { ctx.lineTo(x, y); }
      });
      ctx.stroke();
    });
    this.drawLegend();
  };

  TimeChart.prototype.drawLegend = function () {
    var self = this;
    while (this.legend.firstChild) { this.legend.removeChild(this.legend.firstChild); }
    this.order.forEach(function (name, k) {
      var item = document.createElement('span');
      var swatch = document.createElement('i');
      swatch.style.background = PALETTE[k % PALETTE.length];
      item.appendChild(swatch);
      item.appendChild(document.createTextNode(name + ' ' + format(self.last(name))));
      item.setAttribute('data-series', name);
      self.legend.appendChild(item);
    });
  };

  function niceCeiling(v) {
    if (v <= 0) { return 1; }
    var p = Math.pow(10, Math.floor(Math.log10(v)));
    var m = v / p;
    return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
  }

  function format(v) {
    if (v === undefined) { return ''; }
    if (v >= 1000) { return (v / 1000).toFixed(v >= 10000 ? 0 : 1) + 'k'; }
    return v % 1 === 0 ? String(v) : v.toFixed(v < 10 ? 2 : 1);
  }

  global.TimeChart = TimeChart;
})(window);
