import { createContext, useContext } from "react";

// Provided on the server only: browsers hide a nonce from the DOM once the page has
// loaded, so the client never needs (or sees) its value.
export const NonceContext = createContext<string | undefined>(undefined);
export const useNonce = () => useContext(NonceContext);
