import { handleDocumentRequest } from "@vaart/web";

export default handleDocumentRequest;
