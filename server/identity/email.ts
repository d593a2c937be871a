/**
 * What an email address looks like: one @, a dot after it, no spaces. Invitations refuse others, and
 * forms check it before sending. Pure, importable by client components (and naming no messages).
 */
export const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
