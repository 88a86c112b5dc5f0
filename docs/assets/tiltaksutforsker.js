// The measure explorer (tiltak/utforsk/). The table is whole without this script; the script
// shows the choices, hides the rows that do not match them, sorts by amount, says how many
// measures are shown in the live region, and keeps the choices in the address so a view can be
// shared. It knows nothing of the plan: each <select> is matched against the row attribute of
// the same name (macros/templates/tiltaksutforsker.html). No inline code and no eval, so it runs
// under a strict Content-Security-Policy.
//
// A table too long for one page is split into pages that work without this script
// (macros/pagination.py). Then the root names a file with every row (data-rader): the script
// fetches it the first time someone chooses or sorts, shows every matching row and hides the
// links between the pages, and shows the page's own rows and the links again when the choices
// are reset.
(function () {
  "use strict";
  const rot = document.querySelector("[data-utforsker]");
  if (!rot) {
    return;
  }
  const skjema = rot.querySelector("form");
  const valg = Array.from(skjema.querySelectorAll("select"));
  const sortering = skjema.elements.namedItem("sorter");
  const tbody = rot.querySelector("tbody");
  const egne = Array.from(tbody.rows);
  const antall = rot.querySelector("[role=status]");
  const radfil = rot.getAttribute("data-rader");
  const sidedeling = Array.from(rot.querySelectorAll("[data-sidedeling]"));
  const sidetekst = antall.textContent;
  const totalt = radfil ? Number(rot.getAttribute("data-totalt")) : egne.length;
  let rader = egne;
  let alle = null;

  function valgt() {
    return valg.some((felt) => felt.selectedIndex > 0);
  }

  // Every row, fetched once; links are made absolute, since the file lies in another folder than the page.
  function hentAlle() {
    if (!alle) {
      const adresse = new URL(radfil, document.baseURI);
      alle = fetch(adresse)
        .then((svar) => {
          if (!svar.ok) {
            throw new Error(String(svar.status));
          }
          return svar.json();
        })
        .then((data) => {
          const mal = document.createElement("template");
          mal.innerHTML = data.rader.join("");
          for (const lenke of mal.content.querySelectorAll("a[href]")) {
            lenke.setAttribute("href", new URL(lenke.getAttribute("href"), adresse).href);
          }
          return Array.from(mal.content.querySelectorAll("tr"));
        })
        .catch((feil) => {
          alle = null;
          throw feil;
        });
    }
    return alle;
  }

  function bytt(nye) {
    if (nye !== rader) {
      rader = nye;
      tbody.replaceChildren(...nye);
    }
    for (const del of sidedeling) {
      del.hidden = nye !== egne;
    }
  }

  function fraAdressen() {
    const parametre = new URLSearchParams(window.location.search);
    for (const felt of valg) {
      const verdi = parametre.get(felt.name);
      // A value the page does not offer (an old link, a typo) leaves the choice at its first option.
      const finnes = Array.from(felt.options).some((o) => o.value === verdi);
      felt.selectedIndex = finnes ? Array.from(felt.options).findIndex((o) => o.value === verdi) : 0;
    }
  }

  function tilAdressen() {
    const parametre = new URLSearchParams();
    for (const felt of valg) {
      if (felt.selectedIndex > 0) {
        parametre.set(felt.name, felt.value);
      }
    }
    const sok = parametre.toString();
    window.history.replaceState(null, "", window.location.pathname + (sok ? "?" + sok : "") + window.location.hash);
  }

  function passer(rad) {
    return valg.every(
      (felt) =>
        felt === sortering ||
        felt.selectedIndex === 0 ||
        (rad.getAttribute("data-" + felt.name) || "").split(" ").includes(felt.value)
    );
  }

  function belop(rad, ar) {
    const verdi = rad.getAttribute("data-kr-" + ar);
    return verdi === null ? null : Number(verdi);
  }

  function sorter() {
    const [ar, retning] = sortering.value.split("-");
    const nummer = (rad) => Number(rad.getAttribute("data-nr"));
    const ordnet = rader.slice().sort((a, b) => {
      const kilde = nummer(a) - nummer(b);
      if (!retning) {
        return kilde;
      }
      const x = belop(a, ar);
      const y = belop(b, ar);
      // A measure with no amount for the year comes last either way.
      if (x === null || y === null) {
        return x === y ? kilde : x === null ? 1 : -1;
      }
      return (retning === "synkende" ? y - x : x - y) || kilde;
    });
    for (const rad of ordnet) {
      tbody.appendChild(rad);
    }
  }

  function tell() {
    let synlige = 0;
    for (const rad of rader) {
      rad.hidden = !passer(rad);
      synlige += rad.hidden ? 0 : 1;
    }
    sorter();
    if (rader === egne && radfil) {
      // One page of a split table, nothing chosen: the page's own words say which rows it shows.
      antall.textContent = sidetekst;
      return;
    }
    const mal = synlige === totalt ? "data-alle" : synlige === 0 ? "data-ingen" : "data-utvalg";
    antall.textContent = antall
      .getAttribute(mal)
      .replace("{antall}", String(synlige))
      .replace("{totalt}", String(totalt));
  }

  function vis() {
    if (!radfil) {
      tell();
      return;
    }
    if (!valgt()) {
      bytt(egne);
      tell();
      return;
    }
    hentAlle().then(
      (hentet) => {
        // The choices may have been reset while the rows were on their way.
        bytt(valgt() ? hentet : egne);
        tell();
      },
      () => {
        antall.textContent = "Klarte ikke å hente alle tiltakene. Valgene gjelder bare tiltakene på denne siden.";
        bytt(egne);
        for (const rad of rader) {
          rad.hidden = !passer(rad);
        }
        sorter();
      }
    );
  }

  skjema.addEventListener("change", () => {
    vis();
    tilAdressen();
  });
  skjema.querySelector("[data-nullstill]").addEventListener("click", () => {
    for (const felt of valg) {
      felt.selectedIndex = 0;
    }
    vis();
    tilAdressen();
  });
  fraAdressen();
  skjema.hidden = false;
  vis();
})();
