import de from './de.json';
import en from './en.json';
import es from './es.json';
import fr from './fr.json';
import it from './it.json';
import pl from './pl.json';
import ro from './ro.json';
import ru from './ru.json';
import uk from './uk.json';

/** Raw lexicon files, one per language; validated with the rest of the dataset. */
export const lexiconFiles: unknown[] = [en, uk, ru, de, fr, es, it, pl, ro];
