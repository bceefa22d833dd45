import { handleDocumentRequest, handleServerError } from "@vaart/web";

export default handleDocumentRequest;

// Faults as one scrubbed JSON line; 404s and abandoned requests are not faults.
export const handleError = handleServerError("studio");
