package dev.wattiq.meter;

import static dev.wattiq.meter.UserInputException.field;
import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** Messages below the app name request fields; each caller shows them as it names them (the CLI: as flags). */
class UserInputExceptionTest {
    @Test
    void fieldsShowByNameOrAsTheCallerNamesThem() {
        UserInputException e = new UserInputException(field("active_params") + " (9) exceeds " + field("params") + " (7): check "
                + field("list_hardware", "the hardware catalogue"));
        assertThat(e.getMessage()).isEqualTo("active_params (9) exceeds params (7): check the hardware catalogue");
        assertThat(e.message(f -> "--" + f.replace('_', '-'))).isEqualTo("--active-params (9) exceeds --params (7): check --list-hardware");
        assertThat(new UserInputException(e.marked() + "; or " + field("model")).message(f -> "<" + f + ">"))
                .isEqualTo("<active_params> (9) exceeds <params> (7): check <list_hardware>; or <model>");
        assertThat(e.toString()).endsWith(": active_params (9) exceeds params (7): check the hardware catalogue");
    }

    @Property(tries = 300)
    void textWithoutFieldsIsShownAsItIs(@ForAll String text) {
        UserInputException e = new UserInputException(text);
        assertThat(e.getMessage()).isEqualTo(text);
        assertThat(e.message(f -> "--" + f)).isEqualTo(text);
    }

    @Test
    void aNullMessageStaysNull() {
        assertThat(new UserInputException(null).getMessage()).isNull();
    }
}
