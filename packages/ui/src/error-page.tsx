"use client";

// What a page shows when rendering it failed on the server (the database is unreachable, say):
// a plain sentence in both languages and a retry, instead of Next's "Application error". It
// renders inside the app's shell; the language cookie is not readable here without a request,
// so both languages are shown, Indonesian first.

export function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section className="error-page" role="alert" data-testid="error-page">
      <h1>Layanan sedang terganggu</h1>
      <p>Halaman ini tidak dapat dimuat sekarang. Data Anda tidak berubah. Silakan coba lagi sebentar lagi.</p>
      <p lang="en">
        <small>This page cannot be loaded right now. Nothing of yours has changed. Please try again shortly.</small>
      </p>
      <button type="button" onClick={() => reset()}>
        Coba lagi · Try again
      </button>
    </section>
  );
}
