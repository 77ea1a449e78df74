/* ferry-community-page-posting.c: the community page's posting side: the announcement, the
 * guide printed or saved, the shared list's files, and the check after the move
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Part of FerryCommunityPage (ferry-community-page.c). As ferry-cli-announce.c does, from the
 * helper's signed-in accounts (the old one posts; the new one is asked after the move) and
 * the posting server's limits (its length and pins, from FerryServerInfo). The announcement
 * and the check run in the page's job area; their outcome is said in plain words after.
 */

#define G_LOG_DOMAIN "ferry-community-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ferry-announce-dialog.h"
#include "ferry-announce-job.h"
#include "ferry-api-error.h"
#include "ferry-community-export.h"
#include "ferry-community-guide.h"
#include "ferry-community-page.h"
#include "ferry-community-page-private.h"
#include "ferry-community-text.h"
#include "ferry-community-verify-job.h"
#include "ferry-private-file.h"
#include "ferry-server-info.h"
#include "ferry-sign-in-dialog.h"

/* The reminder waves before the deadline (community-facts §8: T−14 d, T−7 d, T−2 d, T−12 h),
 * as the command line schedules them. */
static const gint64 waves[] = { 14 * 86400, 7 * 86400, 2 * 86400, 12 * 3600 };

typedef enum
{
  SAVE_GUIDE,
  SAVE_FOLLOWS,
  SAVE_LISTS,
} SaveKind;

static FerryClient *
client_of (FerryCommunityPage *self,
           FerryRole           role)
{
  return self->accounts ? ferry_account_manager_get_client (self->accounts, role) : NULL;
}

static void
show_message (FerryCommunityPage *self,
              const char         *heading,
              const char         *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                              heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_forbidden_response (AdwMessageDialog   *dialog,
                       const char         *response,
                       FerryCommunityPage *self)
{
  GtkWidget *sign_in;

  if (g_strcmp0 (response, "sign-in") != 0 || self->accounts == NULL)
    return;
  /* The same old account again, this time allowed to post, schedule and pin. */
  sign_in = ferry_sign_in_dialog_new (self->accounts, FERRY_ROLE_OLD);
  ferry_sign_in_dialog_set_extra_access (FERRY_SIGN_IN_DIALOG (sign_in), FERRY_OAUTH_POST);
  if (self->community != NULL)
    ferry_sign_in_dialog_set_server (FERRY_SIGN_IN_DIALOG (sign_in),
                                     ferry_community_get_old_host (self->community));
  gtk_window_set_transient_for (GTK_WINDOW (sign_in),
                                GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (GTK_WINDOW (sign_in));
}

/* A sign-in from the individual journey reads and moves, but may not post. */
void
ferry_community_page_say_forbidden (FerryCommunityPage *self)
{
  GtkWidget *dialog =
    adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                            _("This Sign-in May Not Post"),
                            _("Your old account was signed in without the right to post and "
                              "pin. Sign in again as a community helper, allowing Ferry to "
                              "post, schedule and pin, then announce again."));

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"),
                                    "sign-in", _("_Sign In Again…"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "sign-in",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "sign-in");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_forbidden_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
ferry_community_page_update_posting (FerryCommunityPage *self)
{
  gboolean running = self->job != NULL && !ferry_job_is_ended (self->job);
  gboolean here = self->community != NULL;
  gboolean moved = FALSE;

  if (here)
    {
      g_autoptr(GPtrArray) members = ferry_community_export_members (self->community, NULL);

      moved = members->len > 0;
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.announce", here && !running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.verify", moved && !running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.print-guide", here);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.export-guide", here);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.export-follows", moved);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.export-lists", moved);
  if (self->verify_button != NULL)
    gtk_widget_set_visible (self->verify_button, here &&
                            ferry_community_get_phase (self->community) >=
                              FERRY_COMMUNITY_PHASE_VERIFY);
}

/* ---- The announcement ---------------------------------------------------------------- */

static void
on_post (FerryAnnounceDialog *dialog,
         const char          *text,
         gboolean             unlisted,
         gboolean             reminders,
         FerryCommunityPage  *self)
{
  FerryClient *client = client_of (self, FERRY_ROLE_OLD);
  g_autoptr(FerryAnnounceJob) job = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 deadline;

  if (client == NULL || self->community == NULL)
    return;
  job = ferry_announce_job_new (self->community, client);
  ferry_announce_job_set_pin_limit (job, self->pin_limit);
  ferry_announce_job_add (job, FERRY_COMMUNITY_POST_ANNOUNCEMENT, "announcement", text,
                          unlisted ? "unlisted" : "public", 0, TRUE, FALSE, NULL);
  deadline = ferry_community_get_deadline (self->community);
  for (guint i = 0; reminders && i < G_N_ELEMENTS (waves); i++)
    {
      gint64 at = deadline - waves[i];
      g_autofree char *key = g_strdup_printf ("reminder-%" G_GINT64_FORMAT, waves[i]);
      g_autofree char *reminder = NULL;

      /* Only waves still ahead, with room for the servers' 5 minutes. */
      if (at < now + FERRY_ANNOUNCE_MIN_LEAD + 2 * FERRY_ANNOUNCE_LEAD_MARGIN)
        continue;
      reminder = ferry_community_text_reminder (self->community, NULL, at, self->max_chars);
      ferry_announce_job_add (job, FERRY_COMMUNITY_POST_REMINDER, key, reminder, "unlisted", at,
                              FALSE, FALSE, NULL);
    }
  ferry_community_page_run_job (self, FERRY_JOB (job), _("Posting the Announcement"));
}

static void
open_announce_dialog (FerryCommunityPage *self)
{
  g_autofree char *text = ferry_community_text_announcement (self->community, NULL,
                                                             self->max_chars);
  GtkWidget *dialog = ferry_announce_dialog_new (self->community, text, self->max_chars);

  g_signal_connect_object (dialog, "post", G_CALLBACK (on_post), self, 0);
  gtk_window_set_transient_for (GTK_WINDOW (dialog),
                                GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef enum
{
  AFTER_PROBE_ANNOUNCE,
  AFTER_PROBE_VERIFY,
} AfterProbe;

static void run_verify (FerryCommunityPage *self,
                        const char         *old_software);

static void
probed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FerryCommunityPage *self = g_task_get_source_object (task);
  AfterProbe after = GPOINTER_TO_INT (g_task_get_task_data (task));
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryServerInfo) info = ferry_server_info_probe_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->probing = FALSE;
  /* Without the server's answer, Mastodon's defaults (500 characters, 5 pins). */
  if (info == NULL)
    g_debug ("no server info: %s", error->message);
  if (after == AFTER_PROBE_VERIFY)
    {
      run_verify (self, info ? ferry_server_info_get_software (info) : NULL);
      return;
    }
  self->max_chars = info && ferry_server_info_get_max_characters (info) > 0
                      ? ferry_server_info_get_max_characters (info) : 500;
  self->pin_limit = info && ferry_server_info_get_max_pinned (info) > 0
                      ? ferry_server_info_get_max_pinned (info) : 5;
  open_announce_dialog (self);
}

static void
probe_then (FerryCommunityPage *self,
            FerryClient        *client,
            AfterProbe          after)
{
  GTask *task;

  if (self->probing)
    return;
  self->probing = TRUE;
  task = g_task_new (self, self->cancellable, NULL, NULL);
  g_task_set_task_data (task, GINT_TO_POINTER (after), NULL);
  ferry_server_info_probe_async (client, self->cancellable, probed_cb, task);
}

static void
announce_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  FerryCommunityPage *self = FERRY_COMMUNITY_PAGE (widget);
  FerryClient *client = client_of (self, FERRY_ROLE_OLD);

  if (self->community == NULL)
    return;
  if (client == NULL)
    {
      ferry_community_page_toast (self, _("Sign in your old account first: the announcement "
                                          "goes out from there."));
      return;
    }
  probe_then (self, client, AFTER_PROBE_ANNOUNCE);
}

void
ferry_community_page_announce_done (FerryCommunityPage *self,
                                    FerryAnnounceJob   *job)
{
  GPtrArray *dropped = ferry_announce_job_get_dropped (job);
  GPtrArray *unpin = ferry_announce_job_get_unpin_candidates (job);
  GPtrArray *posts = ferry_community_get_posts (self->community);
  FerryCommunityPost *post = ferry_community_find_post (self->community, "announcement");
  guint n_scheduled = 0;
  g_autoptr(GString) text = g_string_new (NULL);

  if (unpin->len > 0)
    {
      g_string_append (text, _("Your old account has as many pinned posts as its server "
                               "allows. Unpin one of these, then announce again:"));
      for (guint i = 0; i < unpin->len; i++)
        g_string_append_printf (text, "\n%s", (const char *) g_ptr_array_index (unpin, i));
      show_message (self, _("The Pins Are Full"), text->str);
      return;
    }
  if (dropped->len > 0)
    {
      show_message (self, _("A Post Did Not Appear"),
                    _("The server said it took the post, but it does not show it: it may have "
                      "been dropped without a word (a filter, or a limit on new accounts). "
                      "Look at your old profile in a browser, then announce again; Ferry will "
                      "not post twice what the server shows."));
      return;
    }
  for (guint i = 0; i < posts->len; i++)
    {
      FerryCommunityPost *p = g_ptr_array_index (posts, i);

      if (p->kind == FERRY_COMMUNITY_POST_REMINDER && p->scheduled_id != NULL && p->confirmed)
        n_scheduled++;
    }
  if (post != NULL && post->confirmed && post->pinned)
    g_string_append (text, _("The announcement is posted, pinned and read back."));
  else if (post != NULL && post->confirmed)
    g_string_append (text, _("The announcement is posted and read back, but not pinned."));
  else
    g_string_append (text, _("The announcement is not confirmed yet: announce again later."));
  if (n_scheduled > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text, ngettext ("%u reminder is scheduled.",
                                              "%u reminders are scheduled.", n_scheduled),
                              n_scheduled);
    }
  ferry_community_page_toast (self, text->str);
}

/* ---- The check after the move -------------------------------------------------------- */

static void
run_verify (FerryCommunityPage *self,
            const char         *old_software)
{
  FerryClient *old_client = client_of (self, FERRY_ROLE_OLD);
  FerryClient *new_client = client_of (self, FERRY_ROLE_NEW);
  g_autoptr(FerryCommunityVerifyJob) job = NULL;

  if (old_client == NULL || new_client == NULL || self->community == NULL)
    return;
  job = ferry_community_verify_job_new (self->community, old_client, new_client, old_software);
  ferry_community_page_run_job (self, FERRY_JOB (job), _("Verifying the Followers"));
}

static void
verify_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FerryCommunityPage *self = FERRY_COMMUNITY_PAGE (widget);
  FerryClient *old_client = client_of (self, FERRY_ROLE_OLD);

  if (self->community == NULL)
    return;
  if (old_client == NULL || client_of (self, FERRY_ROLE_NEW) == NULL)
    {
      ferry_community_page_toast (self, _("Sign in your old and your new account first: the "
                                          "followers are counted on both servers."));
      return;
    }
  probe_then (self, old_client, AFTER_PROBE_VERIFY);
}

void
ferry_community_page_verify_done (FerryCommunityPage      *self,
                                  FerryCommunityVerifyJob *job)
{
  GPtrArray *results = ferry_community_verify_job_get_results (job);
  g_autoptr(GString) text = g_string_new (NULL);
  guint n_flagged = 0;

  for (guint i = 0; i < results->len; i++)
    {
      FerryVerifyResult *result = g_ptr_array_index (results, i);

      if (!result->large_loss)
        continue;
      n_flagged++;
      if (text->len > 0)
        g_string_append (text, "\n\n");
      /* Translators: "anna@old → anna@new: 12 of 80 followers" */
      g_string_append_printf (text, _("%s → %s: %lld of %lld followers"),
                              result->old_address, result->new_address,
                              (long long) result->followers, (long long) result->baseline);
      if (result->reason != NULL)
        g_string_append_printf (text, "\n%s", result->reason);
      if (result->remedy != NULL)
        g_string_append_printf (text, "\n%s", result->remedy);
    }
  if (n_flagged == 0)
    {
      g_autofree char *said = g_strdup_printf (ngettext ("%u moved member checked: the "
                                                         "followers came along.",
                                                         "%u moved members checked: the "
                                                         "followers came along.",
                                                         results->len), results->len);

      ferry_community_page_toast (self, said);
      return;
    }
  {
    g_autofree char *heading = g_strdup_printf (ngettext ("%u Member Is Missing Followers",
                                                          "%u Members Are Missing Followers",
                                                          n_flagged), n_flagged);
    GtkWidget *dialog =
      adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading,
                              _("Each one’s reason, and what to do about it:"));
    GtkWidget *scrolled = gtk_scrolled_window_new ();
    GtkWidget *label = gtk_label_new (text->str);

    /* The remedies are command lines to copy: the text can be selected. */
    gtk_label_set_wrap (GTK_LABEL (label), TRUE);
    gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
    gtk_label_set_xalign (GTK_LABEL (label), 0);
    gtk_label_set_selectable (GTK_LABEL (label), TRUE);
    gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                    GTK_POLICY_AUTOMATIC);
    gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
    gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
    /* A wrapped label's natural height is that of its widest line: room for each member. */
    gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled),
                                                (int) MIN (360, 120 * n_flagged));
    gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);
    adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
    adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
    gtk_window_set_default_size (GTK_WINDOW (dialog), 560, -1);
    gtk_window_present (GTK_WINDOW (dialog));
  }
}

/* ---- The guide, printed -------------------------------------------------------------- */

typedef struct
{
  char        *markup;
  PangoLayout *layout;
  GArray      *page_starts;  /* int: the first line of each page */
} PrintData;

static void
print_data_free (PrintData *data)
{
  g_free (data->markup);
  g_clear_object (&data->layout);
  g_clear_pointer (&data->page_starts, g_array_unref);
  g_free (data);
}

/* Laid out for the paper chosen, then cut into pages at whole lines. */
static void
begin_print (GtkPrintOperation *operation,
             GtkPrintContext   *context,
             PrintData         *data)
{
  double height = gtk_print_context_get_height (context);
  PangoLayoutIter *iter;
  double page_top = 0;
  int line = 0;
  int first = 0;

  g_clear_object (&data->layout);
  data->layout = gtk_print_context_create_pango_layout (context);
  pango_layout_set_width (data->layout,
                          (int) (gtk_print_context_get_width (context) * PANGO_SCALE));
  pango_layout_set_wrap (data->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_markup (data->layout, data->markup, -1);
  g_array_set_size (data->page_starts, 0);
  g_array_append_val (data->page_starts, first);
  iter = pango_layout_get_iter (data->layout);
  do
    {
      PangoRectangle logical;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      /* A line that would end below the page starts the next one. */
      if ((logical.y + logical.height) / (double) PANGO_SCALE - page_top > height && line > 0)
        {
          g_array_append_val (data->page_starts, line);
          page_top = logical.y / (double) PANGO_SCALE;
        }
      line++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  gtk_print_operation_set_n_pages (operation, (int) data->page_starts->len);
}

static void
draw_page (GtkPrintOperation *operation,
           GtkPrintContext   *context,
           int                page_nr,
           PrintData         *data)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  int first = g_array_index (data->page_starts, int, page_nr);
  int end = (guint) page_nr + 1 < data->page_starts->len
              ? g_array_index (data->page_starts, int, page_nr + 1) : G_MAXINT;
  PangoLayoutIter *iter = pango_layout_get_iter (data->layout);
  double page_top = 0;
  int line = 0;

  do
    {
      PangoRectangle logical;
      int baseline;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      baseline = pango_layout_iter_get_baseline (iter);
      if (line == first)
        page_top = logical.y / (double) PANGO_SCALE;
      if (line >= first)
        {
          cairo_move_to (cr, logical.x / (double) PANGO_SCALE,
                         baseline / (double) PANGO_SCALE - page_top);
          pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
        }
      line++;
    }
  while (line < end && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

/**
 * ferry_community_page_print_guide:
 * @pdf_path: (nullable): write a PDF there without asking; NULL: the print dialog
 * @setup: (nullable): the paper to start from
 *
 * Returns: how many pages were laid out (0 when cancelled or failed)
 */
int
ferry_community_page_print_guide (FerryCommunityPage *self,
                                  const char         *pdf_path,
                                  GtkPageSetup       *setup)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;
  PrintData *data;

  g_return_val_if_fail (FERRY_IS_COMMUNITY_PAGE (self), 0);

  if (self->community == NULL)
    return 0;
  data = g_new0 (PrintData, 1);
  data->markup = ferry_community_guide_markup (self->community);
  data->page_starts = g_array_new (FALSE, FALSE, sizeof (int));
  operation = gtk_print_operation_new ();
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print), data);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page), data);
  g_object_set_data_full (G_OBJECT (operation), "ferry-print-data", data,
                          (GDestroyNotify) print_data_free);
  gtk_print_operation_set_job_name (operation, ferry_community_get_name (self->community));
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  if (setup != NULL)
    gtk_print_operation_set_default_page_setup (operation, setup);
  if (pdf_path != NULL)
    gtk_print_operation_set_export_filename (operation, pdf_path);
  result = gtk_print_operation_run (operation, pdf_path != NULL
                                                 ? GTK_PRINT_OPERATION_ACTION_EXPORT
                                                 : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                    &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      ferry_community_page_toast (self, error->message);
      return 0;
    }
  return result == GTK_PRINT_OPERATION_RESULT_APPLY ? (int) data->page_starts->len : 0;
}

static void
print_guide_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ferry_community_page_print_guide (FERRY_COMMUNITY_PAGE (widget), NULL, NULL);
}

/* ---- Saved as files ------------------------------------------------------------------ */

static void
written_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  FerryCommunityPage *self;
  g_autoptr(GError) error = NULL;
  gboolean ok = ferry_private_file_write_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = FERRY_COMMUNITY_PAGE (user_data);
  ferry_community_page_toast (self, ok ? _("The file is saved.") : error->message);
}

void
ferry_community_page_save_posting_file (FerryCommunityPage *self,
                                        int                 kind,
                                        GFile              *file)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char *text = NULL;

  g_return_if_fail (FERRY_IS_COMMUNITY_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  path = g_file_get_path (file);
  if (self->community == NULL || path == NULL)
    return;
  if (kind == SAVE_GUIDE)
    {
      /* Core writes the page itself (0600). */
      ferry_community_page_toast (self,
                                  ferry_community_guide_save_html (self->community, path, &error)
                                    ? _("The guide is saved.") : error->message);
      return;
    }
  if (kind == SAVE_FOLLOWS)
    text = ferry_community_export_follows_csv (self->community, NULL);
  else
    text = ferry_community_export_lists_csv (self->community,
                                             ferry_community_get_name (self->community), NULL);
  bytes = g_bytes_new_take (text, strlen (text));
  {
    g_autofree char *warning = ferry_community_export_check_size (self->community);

    if (warning != NULL)
      ferry_community_page_toast (self, warning);
  }
  /* Addresses of people: the file is the helper's alone (0600). */
  ferry_private_file_write_async (path, bytes, self->cancellable, written_cb, self);
}

static void
save_response_cb (GtkNativeDialog    *chooser,
                  int                 response,
                  FerryCommunityPage *self)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  int kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "ferry-save-kind"));

  if (response == GTK_RESPONSE_ACCEPT && file != NULL)
    ferry_community_page_save_posting_file (self, kind, file);
  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);
}

static void
save_as (FerryCommunityPage *self,
         SaveKind            kind,
         const char         *title,
         const char         *name)
{
  g_autofree char *current = g_strdup (name);

  if (self->community == NULL)
    return;
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  self->chooser =
    gtk_file_chooser_native_new (title, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                 GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_strdelimit (current, "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), current);
  g_object_set_data (G_OBJECT (self->chooser), "ferry-save-kind", GINT_TO_POINTER (kind));
  g_signal_connect (self->chooser, "response", G_CALLBACK (save_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
export_guide_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  FerryCommunityPage *self = FERRY_COMMUNITY_PAGE (widget);
  g_autofree char *name = NULL;

  if (self->community == NULL)
    return;
  /* Translators: the guide's file name; %s is the community's name */
  name = g_strdup_printf (_("%s guide.html"), ferry_community_get_name (self->community));
  save_as (self, SAVE_GUIDE, _("Save the Guide as a Web Page"), name);
}

static void
export_follows_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  /* Mastodon's own name for the file, which its import page expects. */
  save_as (FERRY_COMMUNITY_PAGE (widget), SAVE_FOLLOWS, _("Save the Follow List"),
           "following_accounts.csv");
}

static void
export_lists_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  save_as (FERRY_COMMUNITY_PAGE (widget), SAVE_LISTS, _("Save the Lists File"), "lists.csv");
}

/* ---- The buttons --------------------------------------------------------------------- */

void
ferry_community_page_install_posting (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "page.announce", NULL, announce_action);
  gtk_widget_class_install_action (widget_class, "page.verify", NULL, verify_action);
  gtk_widget_class_install_action (widget_class, "page.print-guide", NULL, print_guide_action);
  gtk_widget_class_install_action (widget_class, "page.export-guide", NULL,
                                   export_guide_action);
  gtk_widget_class_install_action (widget_class, "page.export-follows", NULL,
                                   export_follows_action);
  gtk_widget_class_install_action (widget_class, "page.export-lists", NULL,
                                   export_lists_action);
}

/* Announce and Verify as buttons; the guide and the files, used less, in a menu. */
void
ferry_community_page_setup_posting (FerryCommunityPage *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) guide = g_menu_new ();
  g_autoptr(GMenu) files = g_menu_new ();
  GtkWidget *button;

  g_menu_append (guide, _("_Print Guide…"), "page.print-guide");
  g_menu_append (guide, _("Export Guide as _Web Page…"), "page.export-guide");
  g_menu_append (files, _("Export _Follow List…"), "page.export-follows");
  g_menu_append (files, _("Export _Lists File…"), "page.export-lists");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (guide));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (files));

  button = gtk_button_new_with_mnemonic (_("A_nnounce…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "page.announce");
  gtk_widget_set_tooltip_text (button, _("Posts the move from your old account, pinned, with "
                                         "reminders before the deadline"));
  gtk_box_append (GTK_BOX (self->posting_box), button);

  self->verify_button = gtk_button_new_with_mnemonic (_("_Verify Followers"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->verify_button), "page.verify");
  gtk_widget_set_tooltip_text (self->verify_button,
                               _("Counts the moved members’ followers against their baselines"));
  gtk_box_append (GTK_BOX (self->posting_box), self->verify_button);

  button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_widget_set_tooltip_text (button, _("The Guide and the Shared List"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The guide and the shared list"), -1);
  gtk_box_append (GTK_BOX (self->posting_box), button);

  gtk_widget_set_visible (self->posting_box, TRUE);
  /* Its cell is no Tab stop of its own: Tab goes to each button in it. */
  gtk_widget_set_focusable (gtk_widget_get_parent (self->posting_box), FALSE);
  ferry_community_page_update_posting (self);
}
