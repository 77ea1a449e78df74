/* ferry-community-page-job.c: the community page's job on show (a check, a roster refresh)
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Part of FerryCommunityPage (ferry-community-page.c). The job's title above its bar, its
 * status, its wait and the time left below, Pause and Stop beside; all from the job's own
 * notifications (notify::fraction, ::status, ::eta, ::waiting-reason, ::state), as the backup
 * and transfer pages observe theirs. At the end, what it found or saw, as a message.
 */

#define G_LOG_DOMAIN "ferry-community-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ferry-api-error.h"
#include "ferry-community-page.h"
#include "ferry-community-page-private.h"
#include "ferry-member-check-job.h"
#include "ferry-roster-job.h"

static char *
format_duration (gint64 seconds)
{
  if (seconds < 90)
    return g_strdup (_("under two minutes"));
  if (seconds < 90 * 60)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "about %d minute", "about %d minutes",
                                         (int) ((seconds + 30) / 60)), (int) ((seconds + 30) / 60));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "about %d hour", "about %d hours",
                                       (int) ((seconds + 1800) / 3600)),
                          (int) ((seconds + 1800) / 3600));
}

/* ---- The job on show ----------------------------------------------------------------- */

void
ferry_community_page_update_actions (FerryCommunityPage *self)
{
  gboolean running = self->job != NULL && !ferry_job_is_ended (self->job);
  gboolean members = self->community != NULL &&
                     ferry_community_get_n_members (self->community) > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.check", members && !running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.refresh",
                                 self->community != NULL && !running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.pause", running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.stop", running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.import", self->community != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.export", self->community != NULL);
  ferry_community_page_update_posting (self);
}

static void
on_job_progress (FerryCommunityPage *self)
{
  FerryJob *job = self->job;
  double fraction = ferry_job_get_fraction (job);
  g_autofree char *percent = g_strdup_printf (_("%.0f %%"), fraction * 100);
  g_autoptr(GString) status = g_string_new (ferry_job_get_status (job));
  gint64 left = ferry_job_get_eta (job);

  gtk_progress_bar_set_fraction (self->job_bar, fraction);
  gtk_progress_bar_set_text (self->job_bar, percent);
  if (ferry_job_get_state (job) == FERRY_JOB_STATE_WAITING &&
      ferry_job_get_waiting_reason (job) != NULL)
    {
      if (status->len > 0)
        g_string_append (status, " · ");
      g_string_append (status, ferry_job_get_waiting_reason (job));
    }
  if (left > 0 && !ferry_job_is_paused (job))
    {
      g_autofree char *duration = format_duration (left);

      if (status->len > 0)
        g_string_append (status, " · ");
      /* Translators: "about 20 minutes left" */
      g_string_append_printf (status, _("%s left"), duration);
    }
  gtk_label_set_label (self->job_status, status->str);
  gtk_widget_set_visible (GTK_WIDGET (self->job_status), status->len > 0);
}

static void
on_job_state (FerryCommunityPage *self)
{
  gboolean paused = ferry_job_is_paused (self->job);

  gtk_button_set_label (self->pause_button, paused ? _("_Resume") : _("_Pause"));
  gtk_widget_set_visible (self->job_box, !ferry_job_is_ended (self->job));
  on_job_progress (self);
  ferry_community_page_update_actions (self);
}

static void
job_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  FerryJob *job = FERRY_JOB (object);
  FerryCommunityPage *self;
  g_autoptr(GError) error = NULL;

  ferry_job_run_finish (job, result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = FERRY_COMMUNITY_PAGE (user_data);
  if (job != self->job)
    return;
  if (g_error_matches (error, FERRY_API_ERROR, FERRY_API_ERROR_FORBIDDEN))
    ferry_community_page_say_forbidden (self);
  else if (error != NULL)
    ferry_community_page_toast (self, error->message);
  else if (FERRY_IS_ANNOUNCE_JOB (job))
    ferry_community_page_announce_done (self, FERRY_ANNOUNCE_JOB (job));
  else if (FERRY_IS_COMMUNITY_VERIFY_JOB (job))
    ferry_community_page_verify_done (self, FERRY_COMMUNITY_VERIFY_JOB (job));
  else if (FERRY_IS_ROSTER_JOB (job))
    {
      FerryRosterJob *roster = FERRY_ROSTER_JOB (job);
      g_auto(GStrv) problems = ferry_roster_job_get_problems (roster);
      guint n_added = ferry_roster_job_get_n_added (roster);
      g_autofree char *text = NULL;

      /* Translators: "12 members found, 3 of them new" */
      text = g_strdup_printf (ngettext ("%u member found, %u of them new",
                                        "%u members found, %u of them new",
                                        ferry_roster_job_get_n_found (roster)),
                              ferry_roster_job_get_n_found (roster), n_added);
      ferry_community_page_toast (self, text);
      /* Each source that could not be read, with its reason. */
      for (guint i = 0; problems != NULL && problems[i] != NULL; i++)
        ferry_community_page_toast (self, problems[i]);
    }
  else if (FERRY_IS_MEMBER_CHECK_JOB (job))
    {
      g_autofree char *summary = ferry_community_describe_counts (self->community);

      ferry_community_page_toast (self, summary);
    }
  ferry_community_page_update_overview (self);
  on_job_state (self);
}

void
ferry_community_page_run_job (FerryCommunityPage *self,
                              FerryJob           *job,
                              const char         *title)
{
  g_return_if_fail (FERRY_IS_COMMUNITY_PAGE (self));
  g_return_if_fail (FERRY_IS_JOB (job));
  g_return_if_fail (title != NULL);

  if (self->job != NULL)
    g_signal_handlers_disconnect_by_data (self->job, self);
  g_set_object (&self->job, job);
  gtk_label_set_label (self->job_title, title);
  g_signal_connect_swapped (job, "notify::fraction", G_CALLBACK (on_job_progress), self);
  g_signal_connect_swapped (job, "notify::status", G_CALLBACK (on_job_progress), self);
  g_signal_connect_swapped (job, "notify::eta", G_CALLBACK (on_job_progress), self);
  g_signal_connect_swapped (job, "notify::waiting-reason", G_CALLBACK (on_job_progress), self);
  g_signal_connect_swapped (job, "notify::state", G_CALLBACK (on_job_state), self);
  if (ferry_job_get_state (job) == FERRY_JOB_STATE_IDLE)
    {
      ferry_job_run_async (job, self->cancellable, job_done_cb, self);
      if (self->jobs != NULL)
        ferry_job_manager_add (self->jobs, job);
    }
  on_job_state (self);
}

static gboolean
is_running (FerryCommunityPage *self)
{
  return self->job != NULL && !ferry_job_is_ended (self->job);
}

void
ferry_community_page_check_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  FerryCommunityPage *self = FERRY_COMMUNITY_PAGE (widget);
  g_autoptr(FerryMemberCheckJob) job = NULL;
  g_autofree char *title = NULL;
  guint n;

  if (self->community == NULL || is_running (self))
    return;
  n = ferry_community_get_n_members (self->community);
  job = ferry_member_check_job_new (self->community, self->accounts);
  /* Translators: the title over a check's progress */
  title = g_strdup_printf (ngettext ("Checking %u member", "Checking %u members", n), n);
  ferry_community_page_run_job (self, FERRY_JOB (job), title);
}

void
ferry_community_page_refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  FerryCommunityPage *self = FERRY_COMMUNITY_PAGE (widget);
  FerryMemberSource sources = FERRY_MEMBER_SOURCE_DIRECTORY;
  g_autoptr(FerryRosterJob) job = NULL;

  if (self->community == NULL || is_running (self))
    return;
  /* The admin list and the community account's followers need the helper's old account;
   * the job says why a source could not be read. */
  if (self->accounts != NULL &&
      ferry_account_manager_get_handle (self->accounts, FERRY_ROLE_OLD) != NULL)
    sources |= FERRY_MEMBER_SOURCE_ADMIN;
  if (ferry_community_get_community_account (self->community) != NULL)
    sources |= FERRY_MEMBER_SOURCE_FOLLOWERS;
  job = ferry_roster_job_new (self->community, self->accounts, sources);
  ferry_community_page_run_job (self, FERRY_JOB (job), _("Refreshing the Roster"));
}

void
ferry_community_page_pause_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  FerryCommunityPage *self = FERRY_COMMUNITY_PAGE (widget);

  if (self->job == NULL || ferry_job_is_ended (self->job))
    return;
  if (ferry_job_is_paused (self->job))
    ferry_job_resume (self->job);
  else
    ferry_job_pause (self->job);
}

void
ferry_community_page_stop_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FerryCommunityPage *self = FERRY_COMMUNITY_PAGE (widget);

  if (self->job != NULL)
    ferry_job_cancel (self->job);
}

