// Quiz questions (HTML made by lessonkit/site/quiz_html.py): the learner picks, then confirms with the Check
// button or Enter; the feedback (live region) says whether it is right, explains the option picked and gives the
// correct answer. Scores per section and page are kept in localStorage (no server, no request); "Start again"
// clears them. Arrow keys move between options without checking; Enter or the button checks.
(function () {
  "use strict";
  var box = document.querySelector(".quiz-page");
  if (!box) return;
  var t = JSON.parse(box.getAttribute("data-strings"));
  var storeKey = "lesson-quiz:" + location.pathname;
  var questions = Array.prototype.slice.call(document.querySelectorAll(".quiz"));

  function load() {
    try {
      return JSON.parse(localStorage.getItem(storeKey)) || {};
    } catch (e) {
      return {};
    }
  }
  var state = load();
  function save() {
    try {
      localStorage.setItem(storeKey, JSON.stringify(state));
    } catch (e) {
      /* private mode: the score lasts until the page is left */
    }
  }
  function digits(n) {
    return String(n).replace(/[0-9]/g, function (d) {
      return t.digits.charAt(+d);
    });
  }
  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (_, k) {
      return digits(values[k]);
    });
  }
  function el(tag, cls, html) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (html !== undefined) e.innerHTML = html;
    return e;
  }
  function inputs(q) {
    return Array.prototype.slice.call(q.querySelectorAll("fieldset input"));
  }
  function correctOf(q) {
    return q.getAttribute("data-correct").split(" ").map(Number);
  }
  function labelOf(q, i) {
    return q.querySelector('label[for="' + q.id + "-" + i + '"]').innerHTML;
  }
  function whyOf(q, i) {
    return q.querySelector('.quiz-why[data-option="' + i + '"]').innerHTML;
  }
  function sameSet(a, b) {
    return a.length === b.length && a.every(function (x) { return b.indexOf(x) >= 0; });
  }

  function clear(q) {
    q.querySelectorAll(".quiz-mark").forEach(function (m) { m.remove(); });
    q.querySelectorAll(".quiz-option").forEach(function (o) {
      o.classList.remove("is-right", "is-wrong");
    });
    q.querySelector(".quiz-feedback").innerHTML = "";
    q.querySelector(".quiz-explanation").hidden = true;
    q.classList.remove("is-answered");
  }

  function show(q, picked) {
    clear(q);
    var correct = correctOf(q);
    var right = sameSet(picked, correct);
    inputs(q).forEach(function (input, i) {
      var option = input.parentNode;
      var marks = [];
      if (correct.indexOf(i) >= 0) marks.push("✓ " + t.mark_right);
      if (picked.indexOf(i) >= 0) marks.push((correct.indexOf(i) >= 0 ? "" : "✗ ") + t.mark_chosen);
      if (!marks.length) return;
      option.classList.add(correct.indexOf(i) >= 0 ? "is-right" : "is-wrong");
      option.appendChild(el("span", "quiz-mark", " (" + marks.join(", ") + ")"));
    });
    var feedback = q.querySelector(".quiz-feedback");
    var parts = [el("p", "quiz-verdict " + (right ? "is-right" : "is-wrong"), "<strong>" + (right ? "✓ " + t.right : "✗ " + t.wrong) + "</strong>")];
    picked.forEach(function (i) {
      parts.push(el("p", "quiz-picked", "<strong>" + t.your_choice + "</strong> " + labelOf(q, i)));
      parts.push(el("div", "quiz-why-shown", whyOf(q, i)));
    });
    if (!right) {
      correct.filter(function (i) { return picked.indexOf(i) < 0; }).forEach(function (i) {
        parts.push(el("p", "quiz-picked", "<strong>" + t.correct_answer + "</strong> " + labelOf(q, i)));
        parts.push(el("div", "quiz-why-shown", whyOf(q, i)));
      });
      parts.push(el("p", "quiz-again", t.try_again));
    }
    parts.forEach(function (p) { feedback.appendChild(p); });
    q.querySelector(".quiz-explanation").hidden = false;
    q.classList.add("is-answered");
  }

  function scores() {
    var sections = {};
    var page = { right: 0, total: 0, answered: 0 };
    questions.forEach(function (q) {
      var s = q.getAttribute("data-section");
      var saved = state[q.getAttribute("data-quiz")];
      sections[s] = sections[s] || { right: 0, total: 0 };
      sections[s].total++;
      page.total++;
      if (saved) {
        page.answered++;
        if (saved.first) {
          sections[s].right++;
          page.right++;
        }
      }
    });
    document.querySelectorAll(".quiz-score").forEach(function (p) {
      p.textContent = fill(t.section_score, sections[p.getAttribute("data-section")]);
    });
    box.querySelector(".quiz-page-score").textContent = fill(t.page_score, page);
  }

  function check(q) {
    var picked = [];
    inputs(q).forEach(function (input, i) {
      if (input.checked) picked.push(i);
    });
    var feedback = q.querySelector(".quiz-feedback");
    if (!picked.length) {
      clear(q);
      feedback.appendChild(el("p", "quiz-verdict", t.choose_first));
      return;
    }
    var id = q.getAttribute("data-quiz");
    var right = sameSet(picked, correctOf(q));
    state[id] = { first: state[id] ? state[id].first : right, picked: picked };
    save();
    show(q, picked);
    scores();
  }

  questions.forEach(function (q) {
    q.querySelector(".quiz-check").addEventListener("click", function () { check(q); });
    var all = inputs(q);
    all.forEach(function (input, i) {
      input.addEventListener("keydown", function (event) {
        if (event.key === "Enter") {
          event.preventDefault();
          check(q);
        } else if (input.type === "checkbox" && (event.key === "ArrowDown" || event.key === "ArrowUp")) {
          event.preventDefault(); // checkboxes: arrows move the focus, as radio buttons do, without ticking
          all[(i + (event.key === "ArrowDown" ? 1 : all.length - 1)) % all.length].focus();
        }
      });
    });
    var saved = state[q.getAttribute("data-quiz")];
    if (saved && saved.picked) {
      all.forEach(function (input, i) { input.checked = saved.picked.indexOf(i) >= 0; });
      show(q, saved.picked);
    }
  });

  box.querySelector(".quiz-restart").addEventListener("click", function () {
    state = {};
    try {
      localStorage.removeItem(storeKey);
    } catch (e) {
      /* nothing stored */
    }
    questions.forEach(function (q) {
      clear(q);
      inputs(q).forEach(function (input) { input.checked = false; });
    });
    scores();
  });
  scores();
})();
