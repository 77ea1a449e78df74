/* ferry-community-page.h
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ferry-account-manager.h"
#include "ferry-community.h"
#include "ferry-job.h"
#include "ferry-job-manager.h"

G_BEGIN_DECLS

#define FERRY_TYPE_COMMUNITY_PAGE (ferry_community_page_get_type ())

G_DECLARE_FINAL_TYPE (FerryCommunityPage, ferry_community_page, FERRY, COMMUNITY_PAGE, AdwBin)

GtkWidget      *ferry_community_page_new             (void);
void            ferry_community_page_set_community   (FerryCommunityPage  *self,
                                                      FerryCommunity      *community);
FerryCommunity *ferry_community_page_get_community   (FerryCommunityPage  *self);
void            ferry_community_page_set_managers    (FerryCommunityPage  *self,
                                                      FerryAccountManager *accounts,
                                                      FerryJobManager     *jobs);
/* Shows @job's progress (its title above the bar) until it ends; runs it when it is idle. */
void            ferry_community_page_run_job         (FerryCommunityPage  *self,
                                                      FerryJob            *job,
                                                      const char          *title);
/* The roster as filtered (FerryMember), for the window's tests and the count on show. */
GListModel     *ferry_community_page_get_shown       (FerryCommunityPage  *self);
/* Writes the roster CSV to @file (what the save dialog's answer does). */
void            ferry_community_page_export_to       (FerryCommunityPage  *self,
                                                      GFile               *file);

/* Writes a posting file to @file (what the save dialog's answer does): 0 the guide as a web
 * page, 1 the follow list, 2 the lists file. */
void            ferry_community_page_save_posting_file (FerryCommunityPage *self,
                                                        int                 kind,
                                                        GFile              *file);

/* Prints the member guide (the print dialog), or writes it as a PDF to @pdf_path without
 * asking; @setup: the paper (nullable). Returns the pages laid out. */
int             ferry_community_page_print_guide       (FerryCommunityPage *self,
                                                        const char         *pdf_path,
                                                        GtkPageSetup       *setup);

G_END_DECLS
