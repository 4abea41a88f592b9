// What a field has room for on paper, in characters: longer text is cut there with an ellipsis, so a
// 3,000-character name from a DMS file neither runs off the page nor pushes the one-page disclosure form
// onto two (the record keeps it whole). The disclosure form's request takes no more than this.
export const PAPER_ROOM = {
  guestName: 120,
  guestEmail: 120,
  guestAddress: 240,
  guestAddressLines: 4,
  phone: 40,
  model: 40,
  stockNumber: 24,
  partNumber: 40,
  staff: 80,
} as const;
