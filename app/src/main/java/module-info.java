/**
 * The desktop application and the command line. Open for reflection because JavaFX starts the application class
 * and reads properties and style sheets by name.
 */
open module dev.athanor.app {
    requires dev.athanor.model;
    requires dev.athanor.query;
    requires dev.athanor.resources;
    requires javafx.controls;
    requires org.fxmisc.richtext;
    requires org.fxmisc.flowless;
    requires reactfx;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;
}
