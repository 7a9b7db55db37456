import { Tag, type TagColour } from '@/components/govuk/tag';
import { formatDay } from '@/lib/domain/dates';
import { DIRECTION_LABEL, type Direction } from '@/lib/domain/direction';
import { REVIEW_STATUS_LABEL, type ReviewDue } from '@/lib/domain/review-due';
import { bandLabel, type BandName } from '@/lib/domain/scoring';

export const BAND_COLOUR: Record<BandName, TagColour> = { minor: 'green', acceptable: 'blue', moderate: 'yellow', high: 'red' };

/** A band as a tag that names it, so colour is never the only cue. */
export function BandTag({ band }: { band: BandName }) {
  return <Tag colour={BAND_COLOUR[band]}>{bandLabel(band)}</Tag>;
}

/** Whether a score is outside the risk appetite, in words. */
export function AppetiteFlag({ outside }: { outside: boolean }) {
  return outside ? <span className="app-appetite-flag">Outside appetite</span> : <span className="govuk-body-s">Within appetite</span>;
}

export const STATUS_COLOUR: Record<ReviewDue['status'], TagColour> = { 'up-to-date': 'grey', due: 'orange', overdue: 'red' };

/** Review status with the due date in words. */
export function ReviewStatusTag({ due }: { due: ReviewDue }) {
  return (
    <>
      <Tag colour={STATUS_COLOUR[due.status]}>{REVIEW_STATUS_LABEL[due.status]}</Tag>
      <br />
      <span className="govuk-body-s app-nowrap">{dueText(due)}</span>
    </>
  );
}

/** When a review is or was due, in words. */
export function dueText(due: ReviewDue): string {
  return due.dueOn ? `${due.status === 'overdue' ? 'Was due' : 'Due'} ${formatDay(due.dueOn)}` : 'No dated review';
}

/** Direction of travel in words ("Increased from 24"), shared with the history rows' HTML string. */
export function directionText(direction: Direction, previousScore: number | null): string {
  return `${DIRECTION_LABEL[direction]}${previousScore !== null && direction !== 'maintained' ? ` from ${previousScore}` : ''}`;
}

/** Direction of travel in words, with the previous score where there is one. */
export function DirectionText({ direction, previousScore }: { direction: Direction; previousScore: number | null }) {
  return <span className="app-nowrap">{directionText(direction, previousScore)}</span>;
}
