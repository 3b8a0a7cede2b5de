/** Public pages for data subjects: the privacy contact now, requests, preferences and complaints as modules arrive. */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "complaints",
            "complaints :: *",
            "organization",
            "organization :: *",
            "requests",
            "requests :: *",
            "shared"
        })
package ca.gardien.portal;
