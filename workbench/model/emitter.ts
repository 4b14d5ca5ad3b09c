/* A minimal listener list; a throwing listener is reported and does not stop the others. */
export class Emitter<E> {
  private listeners = new Set<(event: E) => void>();

  subscribe(listener: (event: E) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: E): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (error) {
        console.error("workbench listener failed", error);
      }
    }
  }
}
