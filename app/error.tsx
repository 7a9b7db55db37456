'use client';

import { ServiceProblem } from '@/components/service-problem';

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ServiceProblem reset={reset} />;
}
