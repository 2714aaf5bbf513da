// Lets email delivery (app/services) hear at once that this process created notifications,
// without the models depending on the service. Other processes find them by polling.
type Listener = () => void;
const listeners = new Set<Listener>();

export function onNotificationsCreated(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function signalNotificationsCreated(): void {
  for (const listener of listeners) listener();
}
