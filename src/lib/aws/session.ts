/**
 * The AWS session's state as a pure function of the session and the time, so the header
 * badge, the toasts and the tests all agree, and tests drive time instead of waiting.
 */
import type { AwsCredentials } from './credentials-parser';

export interface AwsSession {
	credentials: AwsCredentials;
	kind: 'temporary' | 'permanent';
	region: string;
	/** Epoch ms when the credentials stop working; null for permanent keys. */
	expiresAt: number | null;
	/** Set when an AWS call answered that the keys are expired or not recognised. */
	rejectedReason?: string;
}

export type AwsStatus = 'local' | 'connected' | 'expiring' | 'offline';

export const STATUS_LABELS: Record<AwsStatus, string> = {
	local: 'Local only',
	connected: 'AWS Connected',
	expiring: 'AWS Expiring',
	offline: 'AWS Offline'
};

export const EXPIRING_FROM_MS = 30 * 60_000;
/** Toasts warn once at each of these marks before expiry. */
export const WARNING_MARKS_MS = [30 * 60_000, 5 * 60_000] as const;
export const DEFAULT_SESSION_MS = 4 * 60 * 60_000;

export interface SessionState {
	status: AwsStatus;
	/** Null for permanent keys and when there is no session. */
	msLeft: number | null;
}

export function sessionState(session: AwsSession | null, now: number): SessionState {
	if (!session) return { status: 'local', msLeft: null };
	const msLeft = session.expiresAt === null ? null : Math.max(0, session.expiresAt - now);
	if (session.rejectedReason || msLeft === 0) return { status: 'offline', msLeft };
	if (msLeft !== null && msLeft <= EXPIRING_FROM_MS) return { status: 'expiring', msLeft };
	return { status: 'connected', msLeft };
}

/**
 * "3h 12m left", "4m left": whole minutes rounded up, like a countdown, so a fresh 4-hour
 * session reads "4h 0m left" and the last seconds read "1m left".
 */
export function formatTimeLeft(msLeft: number): string {
	const minutes = Math.ceil(msLeft / 60_000);
	const hours = Math.floor(minutes / 60);
	return hours > 0 ? `${hours}h ${minutes % 60}m left` : `${minutes}m left`;
}

/**
 * The next instant the display changes: the next whole minute of the countdown, or a
 * threshold (expiring, a warning mark, expiry) if that comes first. Null when nothing will.
 */
export function nextChangeAt(session: AwsSession | null, now: number): number | null {
	if (!session || session.expiresAt === null || session.rejectedReason) return null;
	const msLeft = session.expiresAt - now;
	if (msLeft <= 0) return null;
	const marks = [EXPIRING_FROM_MS, ...WARNING_MARKS_MS, 0]
		.map((mark) => session.expiresAt! - mark)
		.filter((at) => at > now);
	const nextMinute = now + (msLeft % 60_000 || 60_000);
	return Math.min(nextMinute, ...marks);
}

/** Warning marks the session has crossed that have not been announced yet. */
export function dueWarnings(
	session: AwsSession | null,
	now: number,
	announced: ReadonlySet<number>
): number[] {
	if (!session || session.expiresAt === null || session.rejectedReason) return [];
	const msLeft = session.expiresAt - now;
	if (msLeft <= 0) return [];
	return WARNING_MARKS_MS.filter((mark) => msLeft <= mark && !announced.has(mark));
}

/** Expiry from the paste, else from the "Session time left" the user gave, else none. */
export function expiryFor(
	kind: AwsSession['kind'],
	pastedExpiration: string | undefined,
	timeLeftMs: number,
	now: number
): number | null {
	if (pastedExpiration) return Date.parse(pastedExpiration);
	return kind === 'temporary' ? now + timeLeftMs : null;
}

/** Reads "4:00", "3h 12m", "2h" or "45m" as the lab's remaining time; null if it is none of them. */
export function parseTimeLeft(text: string): number | null {
	const value = text.trim().toLowerCase();
	const clock = /^(\d{1,2}):([0-5]\d)$/.exec(value);
	const words = /^(?:(\d{1,2})\s*h)?\s*(?:(\d{1,3})\s*m(?:in)?)?$/.exec(value);
	const match = clock ?? (value && words);
	if (!match) return null;
	const minutes = Number(match[1] ?? 0) * 60 + Number(match[2] ?? 0);
	return minutes > 0 && minutes <= 24 * 60 ? minutes * 60_000 : null;
}

/** "4:00" for the time-left field. */
export function formatHoursMinutes(ms: number): string {
	const minutes = Math.max(0, Math.floor(ms / 60_000));
	return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

/** An access key id as people are shown it: enough to tell keys apart (ASIA…WXYZ). */
export function maskedKey(accessKeyId: string): string {
	return `${accessKeyId.slice(0, 4)}…${accessKeyId.slice(-4)}`;
}
