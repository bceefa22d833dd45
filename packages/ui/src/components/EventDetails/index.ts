export { EventDetails, type EventDetailsLabels, type EventDetailsProps } from "./EventDetails";
