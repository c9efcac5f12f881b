// After a suggestion is accepted, rejected or put back, move the keyboard focus on to the
// next suggestion still waiting for review, so that a reviewer never lands on <body>.
document.addEventListener("htmx:afterSwap", (event) => {
  const card = event.detail.target;
  if (!card || !card.classList || !card.classList.contains("suggestion")) return;
  const swapped = document.getElementById(card.id) || card;
  if (swapped.querySelector("form[action*='/edit/'], [role='alert']")) {
    (swapped.querySelector("[role='alert']") ? swapped : swapped.querySelector("input, select"))?.focus();
    return;
  }
  const cards = Array.from(document.querySelectorAll(".suggestion"));
  const after = cards.slice(cards.indexOf(swapped) + 1).concat(cards.slice(0, cards.indexOf(swapped)));
  const next = after.find((item) => item.classList.contains("status-pending"));
  (next || swapped).focus();
});
