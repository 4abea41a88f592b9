// The services one process runs, built once by createApp and handed to every domain's handlers and
// CLI commands: the window, the CLI and the browser mode all use these same objects.
import type { CoreServices } from './core-services';
import type { FormsService } from './forms/service';

export type Services = CoreServices & { forms: FormsService };
