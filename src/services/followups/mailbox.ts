/**
 * The mailbox an address delivers to, as far as can be told from the address: lower case, no
 * "+tag", and for Gmail no dots. Limits per address count by this, so "v.ictim+1@gmail.com" and
 * "victim@gmail.com" share one allowance.
 */
export function mailboxKey(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 1) return address.trim().toLowerCase();
  let local = address.slice(0, at).trim().toLowerCase();
  let domain = address.slice(at + 1).trim().toLowerCase().replace(/\.$/, '');
  const plus = local.indexOf('+');
  if (plus > 0) local = local.slice(0, plus);
  if (domain === 'googlemail.com') domain = 'gmail.com';
  if (domain === 'gmail.com') local = local.replace(/\./g, '');
  return `${local}@${domain}`;
}
