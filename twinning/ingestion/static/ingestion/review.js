// After a suggestion is accepted or rejected, move the keyboard focus on to the next
// suggestion still waiting for review, so that a reviewer never lands on <body>. A
// suggestion that comes back still pending (an error, an edit form, an undone
// rejection) keeps the focus itself.
// htmx:load fires on the new card itself (the old one, swapped out, is gone).
document.addEventListener("htmx:load", (event) => {
  const card = event.detail.elt;
  if (!card || !card.classList || !card.classList.contains("suggestion")) return;
  if (card.classList.contains("status-pending")) {
    const field = card.querySelector("form[action*='/edit/'] input, form[action*='/edit/'] select");
    (card.querySelector("[role='alert']") ? card : field || card).focus();
    return;
  }
  const cards = Array.from(document.querySelectorAll(".suggestion"));
  const here = cards.indexOf(card);
  const next = cards
    .slice(here + 1)
    .concat(cards.slice(0, here))
    .find((item) => item.classList.contains("status-pending"));
  (next || card).focus();
});
