import type { AppProps } from 'next/app';
import '../app/globals.scss';

/** The same styles as the App Router pages (app/layout.tsx). */
export default function App({ Component, pageProps }: AppProps) {
  return <Component {...pageProps} />;
}
