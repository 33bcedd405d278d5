/** The facilitator's console: mounted on the board screen for facilitators only. */
export function FacilitatorPanel() {
  return null;
}
