// Search in Material's header, over the Pagefind index that macros/search.py writes to /pagefind/.
// Nothing of the index loads with the page: the first time someone opens the search box, Pagefind's
// script is imported, and it fetches only the index chunks the typed words need. The markup of a
// hit and the words shown are in overrides/partials/sok.html; this file only fills them in.
(function () {
  "use strict";

  var boks = document.querySelector("[data-rp-sok]");
  var bryter = document.getElementById("__search");
  var artikkel = document.querySelector("article.md-content__inner");
  var rot = new URL(JSON.parse(document.getElementById("__config").textContent).base.replace(/\/?$/, "/"), location.href);
  var MERKE = "h";
  var VISES = 10;

  // Question words and small words that carry no subject: «hva gjøres for reiselivet» searches for «reiselivet».
  // Pagefind wants every word it is given, and few pages say «hva» or «gjøres».
  var SMAORD = new Set((
    "hva hvem hvor hvordan hvorfor hvilke hvilken hvilket når er var blir ble har hadde gjøres gjør gjorde " +
    "skjer skal kan vil får fikk finnes fins om for av i på til fra med og eller som det den de en et ei " +
    "jeg vi du man meg oss seg sin sitt sine noe noen alle mye mer"
  ).split(" "));

  markerSokeord();
  if (!boks || !bryter) {
    return;
  }
  var skjema = boks.querySelector("form");
  var felt = boks.querySelector(".md-search__input");
  var resultat = boks.querySelector(".md-search-result");
  var meta = boks.querySelector(".md-search-result__meta");
  var liste = boks.querySelector(".md-search-result__list");
  var treffmal = document.getElementById("rp-sok-treff-mal");
  var delmal = document.getElementById("rp-sok-del-mal");
  var pagefind = null;
  var runde = 0;
  var venter = null;

  function tekst(navn, antall) {
    var verdi = boks.getAttribute("data-tekst-" + navn);
    return antall === undefined ? verdi : verdi.replace("#", String(antall));
  }

  function last() {
    if (pagefind === null) {
      pagefind = import(new URL("pagefind/pagefind.js", rot).href).then(function (pf) {
        // Results come back as paths from the site root; the site may live under a sub-path.
        // The ranking is what tests/test_sok.py settles on: with Pagefind's defaults a short page that
        // names a record in passing (or «Grunneiere» for «GRU») can outrank the record's own page.
        var rangering = { pageLength: 0.5, termSimilarity: 3 };
        // No web worker: on a site this size the search is quick in the page, and the worker would be
        // a second copy of Pagefind's script to download.
        var oppsett = { baseUrl: rot.pathname, excerptLength: 24, ranking: rangering, noWorker: true };
        return pf.options(oppsett).then(function () {
          return pf.init();
        }).then(function () {
          return pf;
        });
      });
    }
    return pagefind;
  }

  // A number typed with or without spaces, «1 200 000», «1200000» or «1.200.000», is looked up as the
  // site writes it: groups of three with (narrow) spaces, which Pagefind reads as separate words.
  function tallgrupper(ord) {
    var siffer = ord.replace(/[\s.\u00a0\u202f]/g, "");
    if (!/^\d{5,}$/.test(siffer)) {
      return null;
    }
    return siffer.replace(/\B(?=(\d{3})+$)/g, " ");
  }

  function tolk(sporring) {
    var rent = sporring.replace(/[\u00a0\u202f]/g, " ").replace(/\s+/g, " ").trim();
    // Digit groups belong together before the words are split: «1 200 000» is one number.
    var tall = [];
    rent = rent.replace(/(?<!\d)(?:\d{1,3}(?:[ .]\d{3})+|\d{5,})(?![\d.])/g, function (treff) {
      var grupper = tallgrupper(treff);
      if (grupper === null) {
        return treff;
      }
      tall.push(grupper);
      return "\u0000" + (tall.length - 1);
    });
    var ord = rent.split(" ").filter(Boolean);
    var innhold = ord.filter(function (o) { return !SMAORD.has(o.toLowerCase()); });
    if (innhold.length) {
      ord = innhold;
    }
    var erTall = function (o) { return o.charAt(0) === "\u0000"; };
    var alene = ord.length === 1 && erTall(ord[0]) ? tall[Number(ord[0].slice(1))] : null;
    ord = ord.map(function (o) { return erTall(o) ? tall[Number(o.slice(1))] : o; });
    return { ord: ord, tall: alene };
  }

  // «oyer», «naering», «skaappaa»: æ, ø and å typed the way a keyboard without them allows.
  // Pagefind already takes «a» for «å»; ø and æ are letters of their own to it.
  function varianter(ord) {
    var ut = [];
    var dobbel = ord.replace(/ae/g, "æ").replace(/oe/g, "ø").replace(/aa/g, "å");
    if (dobbel !== ord) {
      ut.push(dobbel);
    }
    for (var i = 0; i < ord.length && ut.length < 8; i++) {
      if (ord[i] === "o") {
        ut.push(ord.slice(0, i) + "ø" + ord.slice(i + 1));
      } else if (ord[i] === "a" && ord[i + 1] === "e") {
        ut.push(ord.slice(0, i) + "æ" + ord.slice(i + 2));
      }
    }
    return ut;
  }

  function finn(pf, sporring) {
    var tolket = tolk(sporring);
    if (!tolket.ord.length) {
      return Promise.resolve([]);
    }
    if (tolket.tall !== null) {
      // The groups as a phrase say which pages have the number; Pagefind ranks only the plain search.
      return Promise.all([pf.search("\"" + tolket.tall + "\""), pf.search(tolket.tall)]).then(function (svar) {
        var har = new Set(svar[0].results.map(function (r) { return r.id; }));
        return svar[1].results.filter(function (r) { return har.has(r.id); });
      });
    }
    return pf.search(tolket.ord.join(" ")).then(function (s) {
      // Pagefind answers with the pages that have every word. With fewer than five of them, the pages
      // with most of the words follow, so one page that happens to have them all is not the only answer.
      if (s.results.length >= 5 || tolket.ord.length < 2) {
        return s.results.length ? s.results : hvertOrd(pf, tolket.ord);
      }
      return hvertOrd(pf, tolket.ord).then(function (flere) {
        var har = new Set(s.results.map(function (r) { return r.id; }));
        return s.results.concat(flere.filter(function (r) { return !har.has(r.id); }));
      });
    });
  }

  // A page whose title holds every word searched for is that record's own page («Lillehammer
  // kommune»): it goes before the pages that only mention it, whatever their length. Stable otherwise.
  function egneSiderForst(treff, ord) {
    var sma = ord.map(function (o) { return String(o).toLowerCase(); });
    var egen = function (d) {
      var tittel = ((d.meta && d.meta.title) || "").toLowerCase();
      return sma.length > 0 && sma.every(function (o) { return tittel.indexOf(o) >= 0; });
    };
    return treff.filter(egen).concat(treff.filter(function (d) { return !egen(d); }));
  }

  function hvertOrd(pf, ord) {
    return Promise.all(ord.map(function (o) { return medVarianter(pf, o); })).then(function (lister) {
      var samlet = new Map();
      lister.forEach(function (resultater) {
        resultater.forEach(function (r) {
          var s = samlet.get(r.id) || { r: r, ord: 0, poeng: 0 };
          s.ord += 1;
          s.poeng += r.score;
          samlet.set(r.id, s);
        });
      });
      return Array.from(samlet.values()).sort(function (a, b) {
        return b.ord - a.ord || b.poeng - a.poeng;
      }).map(function (s) { return s.r; });
    });
  }

  function medVarianter(pf, ord) {
    return pf.search(ord).then(function (s) {
      if (s.results.length) {
        return s.results;
      }
      var kandidater = varianter(ord.toLowerCase());
      return kandidater.reduce(function (forrige, variant) {
        return forrige.then(function (funnet) {
          return funnet.length ? funnet : pf.search(variant).then(function (v) { return v.results; });
        });
      }, Promise.resolve([]));
    });
  }

  // Pagefind's excerpt is escaped text with <mark> around the hits. It is read into an inert
  // document, and only its text and its marks are copied: nothing from the index can become markup.
  function utdrag(mal, html, merket) {
    var dok = new DOMParser().parseFromString("<body>" + html + "</body>", "text/html");
    dok.body.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        mal.appendChild(mark);
        merket.add(node.textContent.toLowerCase());
      } else {
        mal.appendChild(document.createTextNode(node.textContent));
      }
    });
  }

  function lenke(url, merket) {
    var adresse = new URL(url, location.origin);
    if (merket.size) {
      adresse.searchParams.set(MERKE, Array.from(merket).join(" "));
    }
    return adresse.pathname + adresse.search + adresse.hash;
  }

  function vis(sporring, treff, antall) {
    liste.replaceChildren();
    treff.forEach(function (data) {
      var merket = new Set();
      var element = treffmal.content.firstElementChild.cloneNode(true);
      var side = element.querySelector(".rp-sok-side");
      side.querySelector(".rp-sok-tittel").textContent = data.meta.title || data.url;
      utdrag(side.querySelector(".md-search-result__teaser"), data.excerpt, merket);
      var deler = (data.sub_results || []).filter(function (d) { return d.url.indexOf("#") >= 0; }).slice(0, 2);
      deler.forEach(function (del) {
        var delmerket = new Set();
        var a = delmal.content.firstElementChild.cloneNode(true);
        a.querySelector(".rp-sok-deltittel").textContent = del.title;
        utdrag(a.querySelector(".md-search-result__teaser"), del.excerpt, delmerket);
        a.href = lenke(del.url, delmerket);
        element.appendChild(a);
      });
      side.href = lenke(data.url, merket);
      liste.appendChild(element);
    });
    meta.textContent = antall === 0 ? tekst("ingen") : antall === 1 ? tekst("ett") : tekst("flere", antall);
    // Which query the list answers: typing is faster than searching, and tests wait for this.
    resultat.setAttribute("data-sporring", sporring);
  }

  function sok() {
    var sporring = felt.value;
    var denne = ++runde;
    if (!sporring.trim()) {
      liste.replaceChildren();
      meta.textContent = tekst("venter");
      resultat.setAttribute("data-sporring", sporring);
      return;
    }
    meta.textContent = tekst("laster");
    last().then(function (pf) {
      return finn(pf, sporring).then(function (resultater) {
        return Promise.all(resultater.slice(0, VISES).map(function (r) { return r.data(); })).then(function (treff) {
          if (denne === runde) {
            vis(sporring, egneSiderForst(treff, tolk(sporring).ord), resultater.length);
          }
        });
      });
    }).catch(function (feil) {
      if (denne === runde) {
        liste.replaceChildren();
        meta.textContent = tekst("feil");
        resultat.setAttribute("data-sporring", sporring);
      }
      console.error(feil);
    });
  }

  function apne() {
    bryter.checked = true;
    felt.focus();
    felt.select();
    last();
  }

  function lukk() {
    bryter.checked = false;
    felt.blur();
  }

  felt.addEventListener("focus", function () {
    bryter.checked = true;
    last();
  });
  // Search once typing pauses (Pagefind's own debounce, 300 ms), so a word typed letter by letter
  // does not fetch the hits of each beginning of it; the index chunk for the word is fetched meanwhile.
  felt.addEventListener("input", function () {
    clearTimeout(venter);
    venter = setTimeout(sok, 300);
    var ord = tolk(felt.value).ord;
    if (pagefind !== null && ord.length) {
      pagefind.then(function (pf) { pf.preload(ord.join(" ")); }).catch(function () {});
    }
  });
  bryter.addEventListener("change", function () {
    if (bryter.checked) {
      apne();
    } else {
      felt.blur();
    }
  });
  skjema.addEventListener("submit", function (hendelse) {
    hendelse.preventDefault();
  });
  skjema.addEventListener("reset", function () {
    setTimeout(function () {
      sok();
      felt.focus();
    });
  });

  // The keys of Material's search: «/», «s» or «f» opens it, arrows move through the hits,
  // Enter opens the first hit, Escape closes.
  document.addEventListener("keydown", function (hendelse) {
    if (hendelse.defaultPrevented || hendelse.metaKey || hendelse.ctrlKey || hendelse.altKey) {
      return;
    }
    var aktiv = document.activeElement;
    var skriver = aktiv && (aktiv.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(aktiv.tagName));
    if (!bryter.checked) {
      if (!skriver && (hendelse.key === "/" || hendelse.key === "s" || hendelse.key === "f")) {
        hendelse.preventDefault();
        apne();
      }
      return;
    }
    var lenker = Array.from(liste.querySelectorAll("a.md-search-result__link"));
    var her = lenker.indexOf(aktiv);
    if (hendelse.key === "Escape") {
      hendelse.preventDefault();
      lukk();
    } else if (hendelse.key === "ArrowDown" && lenker.length && (aktiv === felt || her >= 0)) {
      hendelse.preventDefault();
      lenker[Math.min(her + 1, lenker.length - 1)].focus();
    } else if (hendelse.key === "ArrowUp" && her >= 0) {
      hendelse.preventDefault();
      (her === 0 ? felt : lenker[her - 1]).focus();
    } else if (hendelse.key === "Enter" && aktiv === felt && lenker.length) {
      hendelse.preventDefault();
      lenker[0].click();
    }
  });

  // Words the reader came from a search with (?h=…) are marked in the article, as Material's
  // search.highlight did. Only text is wrapped: the words come from the address bar.
  function markerSokeord() {
    var sokeord = new URLSearchParams(location.search).get(MERKE);
    if (!sokeord || !artikkel) {
      return;
    }
    var ord = sokeord.toLowerCase().split(/\s+/).filter(function (o) { return o.length > 1; });
    if (!ord.length) {
      return;
    }
    var monster = new RegExp("(?<![\\p{L}\\p{N}])(" + ord.map(function (o) {
      return o.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    }).join("|") + ")(?![\\p{L}\\p{N}])", "giu");
    var vandrer = document.createTreeWalker(artikkel, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        return node.parentElement.closest("script, style, mark, [data-pagefind-ignore]")
          ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      }
    });
    var noder = [];
    while (vandrer.nextNode()) {
      noder.push(vandrer.currentNode);
    }
    noder.forEach(function (node) {
      var deler = node.nodeValue.split(monster);
      if (deler.length === 1) {
        return;
      }
      var ny = document.createDocumentFragment();
      deler.forEach(function (del, i) {
        if (i % 2) {
          var mark = document.createElement("mark");
          mark.className = "rp-sokeord";
          mark.textContent = del;
          ny.appendChild(mark);
        } else if (del) {
          ny.appendChild(document.createTextNode(del));
        }
      });
      node.parentNode.replaceChild(ny, node);
    });
  }
})();
