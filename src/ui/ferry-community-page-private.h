/* ferry-community-page-private.h: what the files of FerryCommunityPage share
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ferry-announce-job.h"
#include "ferry-community-chart.h"
#include "ferry-community-verify-job.h"
#include "ferry-community-page.h"

G_BEGIN_DECLS

struct _FerryCommunityPage
{
  AdwBin                 parent_instance;

  FerryCommunity        *community;   /* owned */
  FerryAccountManager   *accounts;    /* owned */
  FerryJobManager       *jobs;        /* owned */
  FerryJob              *job;         /* owned: the job on show */
  GtkFileChooserNative  *chooser;     /* owned while open */
  GtkFilterListModel    *shown;       /* owned */
  GtkCustomFilter       *filter;      /* owned */
  GCancellable          *cancellable; /* owned: cancelled in dispose */
  guint                  refilter_id;
  guint                  overview_id;
  guint                  max_chars;   /* the posting server's, once asked */
  guint                  pin_limit;
  gboolean               probing;
  GtkWidget             *verify_button;

  /* Template widgets */
  GtkLabel              *phase_label;
  GtkLabel              *summary_label;
  GtkLabel              *days_label;
  GtkLabel              *deadline_warning;
  GtkLabel              *servers_label;
  FerryCommunityChart   *chart;
  GtkWidget             *check_button;
  GtkWidget             *refresh_button;
  GtkWidget             *posting_box;
  GtkWidget             *overview_box;
  GtkWidget             *actions_box;
  GtkWidget             *job_box;
  GtkLabel              *job_title;
  GtkProgressBar        *job_bar;
  GtkLabel              *job_status;
  GtkButton             *pause_button;
  GtkSearchEntry        *search_entry;
  GtkDropDown           *state_dropdown;
  GtkLabel              *shown_label;
  GtkStack              *roster_stack;
  GtkListView           *roster_view;
};

void ferry_community_page_toast           (FerryCommunityPage *self,
                                          const char         *message);
void ferry_community_page_update_overview (FerryCommunityPage *self);

/* ferry-community-page-job.c */
void ferry_community_page_update_actions  (FerryCommunityPage *self);
void ferry_community_page_check_action    (GtkWidget          *widget,
                                          const char         *action_name,
                                          GVariant           *parameter);
void ferry_community_page_refresh_action  (GtkWidget          *widget,
                                          const char         *action_name,
                                          GVariant           *parameter);
void ferry_community_page_pause_action    (GtkWidget          *widget,
                                          const char         *action_name,
                                          GVariant           *parameter);
void ferry_community_page_stop_action     (GtkWidget          *widget,
                                          const char         *action_name,
                                          GVariant           *parameter);

/* ferry-community-page-posting.c */
void ferry_community_page_install_posting (GtkWidgetClass          *widget_class);
void ferry_community_page_setup_posting   (FerryCommunityPage      *self);
void ferry_community_page_update_posting  (FerryCommunityPage      *self);
void ferry_community_page_say_forbidden   (FerryCommunityPage      *self);
void ferry_community_page_announce_done   (FerryCommunityPage      *self,
                                          FerryAnnounceJob        *job);
void ferry_community_page_verify_done     (FerryCommunityPage      *self,
                                          FerryCommunityVerifyJob *job);

G_END_DECLS
