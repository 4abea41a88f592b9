// What a dealer-sized list shows is a view (shared/reports/view.ts): the screen keeps it, the services
// apply it to the kept report (report-parts.ts asks for windows of it), and Print / Save PDF and the CSV
// apply the very same functions to the same view. Only the filters' choices are needed here.
export { REMEDY_FILTER, type RemedyFilter } from '../../shared/reports/view';
