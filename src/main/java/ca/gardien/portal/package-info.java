/** Public pages for data subjects: the privacy contact now, requests, preferences and complaints as modules arrive. */
package ca.gardien.portal;
